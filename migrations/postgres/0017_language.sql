-- Languages (issue 22): the language each user chose for the interface and for e-mail.
-- NULL until they choose one; until then the browser's Accept-Language (or English) is used.
-- Codes only (en, fr, es, ar); what they mean is the application's (src/i18n).
ALTER TABLE users ADD COLUMN lang TEXT;
