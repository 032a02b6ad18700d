# إدارة المستخدمين (/admin/users).

admin-users-title = المستخدمون
admin-users-intro = من يمكنه استخدام HRDD، وبأي دور، ولأي بلدان. يؤدي تعطيل مستخدم أو تعيين كلمة مرور مؤقتة له إلى إنهاء جلساته في كل مكان.
admin-outbox-link = صندوق البريد الصادر
admin-users-loading = جارٍ تحميل المستخدمين…
admin-user-created = أُنشئ المستخدم. سلّمه كلمة المرور المؤقتة عبر قناة منفصلة؛ وعليه تغييرها عند أول تسجيل دخول.
admin-add-user = إضافة مستخدم
admin-email = عنوان البريد الإلكتروني
admin-full-name = الاسم الكامل
admin-temporary-password = كلمة مرور مؤقتة
admin-temporary-password-hint = { $min } حرفًا على الأقل. على المستخدم تغييرها عند أول تسجيل دخول.
admin-create-user = إنشاء المستخدم
admin-roles = الأدوار
admin-level = مستوى الموافقة (للمراجعين)
admin-level-none = — ليس مراجعًا —
admin-level-1 = 1 — رئيس المكتب
admin-level-2 = 2 — الإدارة العليا
admin-level-3 = 3 — الرئيس التنفيذي
admin-countries = البلدان (رموز ISO)
admin-all-countries = جميع البلدان
admin-no-country = لا بلد
admin-users-caption = { $count ->
    [zero] لا مستخدمين
    [one] مستخدم واحد
    [two] مستخدمان
    [few] { $n } مستخدمين
    [many] { $n } مستخدمًا
   *[other] { $n } مستخدم
}
admin-col-user = المستخدم
admin-col-last-sign-in = آخر تسجيل دخول
admin-col-actions = الإجراءات
admin-reviewer-level = مراجع م{ $level }
admin-no-case-access = — (لا وصول إلى الحالات)
admin-never = أبدًا
admin-history = السجل
admin-manage = إدارة
admin-save-changes = حفظ التغييرات
admin-set-temporary-password = تعيين كلمة مرور مؤقتة
admin-set-password = تعيين كلمة المرور
admin-confirm-deactivate = نعم، عطّل هذا الحساب: يُخرَج الشخص فورًا ولا يمكنه تسجيل الدخول حتى يُعاد تفعيله.
admin-deactivate = تعطيل المستخدم
admin-reactivate = إعادة تفعيل المستخدم
role-assessor-description = موظفو المكتب القطري: ينشئون التقييمات ويعدّلونها ويقدّمونها.
role-hr-adviser-description = المفوضية السامية لحقوق الإنسان أو عنصر حقوق الإنسان: يقدّم المشورة ويوافق على التجاوزات التي تخفّض المستوى أو يرفضها.
role-reviewer-description = معتمِد من المستوى 1 (رئيس المكتب) أو 2 (الإدارة العليا) أو 3 (الرئيس التنفيذي).
role-manager-description = يقرأ الملخصات وأرقام الحافظة؛ دون تعديل.
role-admin-description = يدير المستخدمين والأدوار والبلدان المشمولة؛ ولا يرى محتوى الحالات.

# سجل حساب (/admin/users/{id}/history، src/ui/pages/account_history.rs).
history-title = سجل الحساب
history-all-users = جميع المستخدمين
history-loading = جارٍ تحميل السجل…
history-of = سجل { $name }
history-created = أُنشئ في { $date }
history-verified = { $count ->
    [one] تغيير واحد مسجل وموقّع في سجل التدقيق.
    [two] تغييران مسجلان، كلٌّ منهما موقّع في سجل التدقيق.
   *[other] { $n } من التغييرات المسجلة، كلٌّ منها موقّع في سجل التدقيق.
}
history-not-verified = بعض هذه القيود لا يمكن التحقق منها: فقد غُيّرت خارج HRDD. شغّل `hrdd audit verify`.
history-col-when = متى
history-col-who = مَن
history-col-what = ماذا
history-col-before = قبل
history-col-after = بعد
history-col-record = القيد
history-yes = نعم
history-no = لا
history-action-field = { $action }: { $field }
history-does-not-verify = لا يمكن التحقق منه
account-change-created = أُنشئ الحساب
account-change-updated = عُدّل الحساب
account-change-deactivated = عُطّل
account-change-reactivated = أُعيد تفعيله
account-change-password-reset = كلمة مرور مؤقتة عيّنها مسؤول
account-change-password-changed = غيّر المستخدم كلمة المرور
account-change-token-created = أُنشئ رمز وصول
account-change-token-revoked = أُلغي رمز وصول
account-change-mail-retried = أعاد مسؤول إرسال بريد إلكتروني
account-change-other = تغيير آخر
account-field-email = عنوان البريد الإلكتروني
account-field-name = الاسم
account-field-roles = الأدوار
account-field-approval-level = مستوى الموافقة
account-field-countries = البلدان
account-field-active = نشط
account-field-tokens-revoked = الرموز الملغاة
account-field-prefix = بادئة الرمز
account-field-expires-at = تاريخ الانتهاء
account-field-token-id = رقم الرمز
account-field-temporary = مؤقتة
