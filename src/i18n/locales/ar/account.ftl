# صفحة الملف الشخصي (/account).

account-title = ملفك الشخصي
account-name = الاسم
account-email = البريد الإلكتروني
account-roles = الأدوار
account-countries = البلدان
account-language = اللغة
account-language-saved = محفوظة في ملفك الشخصي. غيّرها من خيار اللغة أسفل كل صفحة.
account-language-browser = لغة متصفحك، إلى أن تختار لغة من أسفل أي صفحة.
account-change-password = تغيير كلمة المرور
