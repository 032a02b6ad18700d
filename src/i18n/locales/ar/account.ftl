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

## تغيير كلمة المرور (src/ui/pages/password.rs)

password-title = تغيير كلمة المرور
password-heading = غيّر كلمة المرور
password-changed = تم تغيير كلمة المرور. وأُنهيت جلساتك الأخرى.
password-temporary = عيّن المسؤول كلمة مرور مؤقتة. اختر كلمة مرور خاصة بك للمتابعة.
password-current = كلمة المرور الحالية
password-new = كلمة المرور الجديدة
password-hint = { $min } حرفًا على الأقل؛ الجملة القصيرة سهلة التذكر وصعبة التخمين.
password-confirm = كلمة المرور الجديدة مرة أخرى
