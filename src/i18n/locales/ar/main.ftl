# نصوص واجهة HRDD، العربية.

## إطار الصفحة

layout-skip-to-content = انتقل إلى المحتوى
layout-demo-banner = وضع العرض التجريبي — حسابات وحالات تجريبية. لا تُدخل أي معلومات حقيقية.
layout-tagline = العناية الواجبة في مجال حقوق الإنسان
layout-nav-main = الرئيسية
layout-unread = { $count ->
    [zero] لا توجد إشعارات غير مقروءة
    [one] إشعار واحد غير مقروء
    [two] إشعاران غير مقروءين
    [few] { $count } إشعارات غير مقروءة
    [many] { $count } إشعارًا غير مقروء
   *[other] { $count } إشعار غير مقروء
}
layout-footer-version = HRDD { $version } · المنهجية { $methodology }
layout-footer-confidential = للاستخدام الداخلي في الأمم المتحدة. التقييمات سرية.
layout-language = اللغة:

nav-assessments = التقييمات
nav-review = المراجعة
nav-portfolio = الحافظة
nav-methodology = المنهجية
nav-countries = البلدان
nav-users = المستخدمون
nav-notifications = الإشعارات
nav-profile = الملف الشخصي
nav-sign-out = تسجيل الخروج
nav-sign-in = تسجيل الدخول

## الأدوار والبلدان

role-assessor = مُقيِّم
role-hr-adviser = مستشار حقوق الإنسان
role-reviewer = مُعتمِد
role-reviewer-level = مُعتمِد (المستوى { $level })
role-manager = مدير
role-admin = مسؤول النظام
scope-all-countries = جميع البلدان
scope-no-country = لا يوجد بلد

## تسجيل الدخول

login-title = تسجيل الدخول
login-intro = استخدم الحساب الذي أنشأه لك مسؤول HRDD.
login-signed-out = لقد سجّلت الخروج.
login-admin-ready = حساب المسؤول جاهز: سجّل الدخول.
login-first-run = التشغيل الأول: لا يوجد أي حساب بعد.
login-first-run-link = أنشئ حساب المسؤول الأول
login-first-run-code = باستخدام الرمز الذي عرضه الخادم.
login-email = عنوان البريد الإلكتروني
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-signing-in = جارٍ تسجيل الدخول…
login-forgot = نسيت كلمة المرور؟ اطلب كلمة مرور مؤقتة من المسؤول. بعد عدة محاولات فاشلة من الشبكة نفسها، يجب أن تنتظر كل محاولة جديدة وقتًا أطول قليلًا (حتى 15 دقيقة).
login-confidential = التقييمات سرية. لا تسجّل الدخول إلا من جهاز تثق به، وسجّل الخروج عند الانتهاء: تنتهي الجلسة بعد 8 ساعات من عدم النشاط.
login-demo-title = وضع العرض التجريبي: حسابات تجريبية
login-demo-password = كلمة المرور لجميع الحسابات:
login-error-throttled = محاولات دخول فاشلة كثيرة من هذه الشبكة. حفاظًا على أمانك، انتظر بضع دقائق قبل المحاولة مجددًا. إذا نسيت كلمة المرور، فاطلب كلمة مرور مؤقتة من أحد المسؤولين.
login-error-email = أدخل عنوان بريدك الإلكتروني.
login-error-password = أدخل كلمة المرور.
login-error-credentials = عنوان البريد الإلكتروني أو كلمة المرور غير صحيحين.

## الصفحة غير موجودة

not-found-title = الصفحة غير موجودة
not-found-body = ربما كُتب العنوان بشكل خاطئ، أو نُقلت الصفحة. لم يتغيّر أي شيء.
not-found-back = العودة إلى الصفحة الرئيسية

loading = جارٍ التحميل…
