# صفحة ملخص التقييم (/cases/{id}) ونسختها المطبوعة.
summary-loading = جارٍ تحميل التقييم…
summary-assessment = التقييم
summary-print = طباعة أو حفظ بصيغة PDF
summary-download-json = تنزيل الملخص بصيغة JSON
summary-download-recorded = (يُسجَّل في سجل التدقيق)
summary-permanent-link = رابط دائم
summary-print-heading = العناية الواجبة في مجال حقوق الإنسان · ملخص المخاطر
summary-integrity-problem = تعذّر التحقق من سجل هذا التقييم. ربما عُدِّل ما يظهر أدناه خارج HRDD:
summary-review-overdue = المراجعة متأخرة: كان القرار مستحقًا في موعد أقصاه { $date }.
summary-review-awaiting = بانتظار المراجعة؛ القرار مستحق في موعد أقصاه { $date }.
summary-reassessment-due = إعادة التقييم مستحقة: انقضى موعد المراجعة أو سُجِّل حدث محفز (المواصفات §10.6).
summary-trigger-line = { $event } في { $date } (سجّله { $by }): { $description }
summary-versions = الإصدارات
summary-changes-since = ما الذي تغيّر منذ { $previous }
summary-no-change = لم تتغير أي إجابة بعد.
summary-col-answer = الإجابة
summary-col-before = قبل
summary-col-now = الآن
summary-changed = تغيّرت
summary-risk = ملخص المخاطر
summary-overall-band = المستوى العام
summary-recommended-decision = القرار الموصى به
summary-approval-level = مستوى الموافقة المطلوب
summary-next-review = المراجعة التالية
summary-on-request = عند الطلب أو عند وقوع حدث محفز
summary-component = عنصر الدعم { $component }
summary-inherent = الأصلي
summary-residual = المتبقي
summary-component-decision = الموصى به: { $decision } · مستوى الموافقة { $level }
summary-hrddp = تنطبق سياسة بذل العناية الواجبة
summary-decided-by = حُدِّد بناءً على: { $basis }
summary-no-area = لا يُفعَّل أي مجال من مجالات المخاطر لهذا العنصر.
summary-hard-rules = القواعد الإلزامية المفعّلة
summary-sources = المصادر: { $sources }
summary-col-area = مجال المخاطر
summary-col-nexus = الصلة
summary-col-inherent = الأصلي L0 × S
summary-col-mitigation = التخفيف
summary-col-residual = المتبقي L1 × S
summary-none-qualifying = لا تدابير مؤهلة
summary-heat-title = الاحتمال × الخطورة لـ { $component }
summary-heat-mark = { $area }: الأصلي L{ $l0 }×S{ $s } ({ $band0 }) → المتبقي L{ $l1 }×S{ $s } ({ $band1 })
summary-heat-axis = الخطورة →  (الاحتمال ↑)
summary-heat-legend = ○ الأصلي، ● المتبقي.
summary-country-context = سياق البلد
summary-context-not-prefilled = أجاب عنه المقيِّم؛ لم تُملأ هذه النسخة مسبقًا من البيانات المرجعية للبلد.
summary-context-confirmed = مُلئ مسبقًا من البيانات المرجعية للبلد وأكّده المقيِّم؛ وتحمل القيم المعدّلة مبرّر المقيِّم.
summary-context-unconfirmed = مُلئ مسبقًا من البيانات المرجعية للبلد؛ ولم يؤكده المقيِّم بعد.
summary-col-question = السؤال
summary-col-reference = البيانات المرجعية للبلد
summary-context-changed = عُدِّلت عن القيمة المرجعية
summary-reason = المبرّر:
summary-reference-value = { $value } (سارية منذ { $date }؛ { $source })
summary-mitigation-plan = خطة التخفيف
summary-no-mitigation = لم يُسجَّل أي تدبير للتخفيف.
summary-col-component = العنصر
summary-col-measure = التدبير
summary-col-areas = المجالات
summary-col-status = الحالة
summary-col-responsible = المسؤول
summary-col-indicator = المؤشر
summary-resourced = مزوّد بالموارد
summary-not-named = غير محدد
summary-indicator-defined = محدد
summary-indicator-none = لا يوجد
summary-monitoring = خطة الرصد والمراجعة
summary-col-plan = الخطة (8.2)
summary-col-reports = التقارير كل
summary-col-next-review = المراجعة التالية
summary-col-watch = ما يجب رصده
summary-plan-written = مكتوبة (النص مخصص للمقيّمين والمستشارين والمراجعين)
summary-months = { $count ->
    [zero] { $n } شهر
    [one] شهر واحد
    [two] شهران
    [few] { $n } أشهر
    [many] { $n } شهرًا
   *[other] { $n } شهر
}
summary-consultations = المشاورات
summary-col-consultation = المشاورة
summary-col-required = مطلوبة
summary-col-record = السجل
summary-yes = نعم
summary-no = لا
summary-missing = ناقصة
summary-hash-verified = تم التحقق من البصمة
summary-hash-mismatch = البصمة لا تتطابق
summary-sign-off = الاعتماد
summary-submitted-by = قدّمه { $name } في { $date }. سجل التقديم
summary-not-signed = لم يُعتمد بعد.
summary-signature-line = التوقيع والاسم ومستوى الموافقة
summary-date = التاريخ
summary-signed-by = اعتمده { $name } على مستوى الموافقة { $level } في { $date }.
summary-col-recommended = الموصى به
summary-col-final = القرار النهائي
summary-col-conditions = الشروط
summary-col-level = المستوى
summary-comment = تعليق
summary-sign-off-record = سجل الاعتماد
summary-hash-explained = البصمة هي SHA-256 لنص JSON القانوني للسجل (المواصفات §10.5)؛ ويعيد `hrdd audit verify` حسابها.
summary-your-review = مراجعتك
summary-sign-off-title = الاعتماد بقرار نهائي لكل عنصر
summary-choose-final = اختر القرار النهائي…
summary-proposed = اقترح المقيِّم: { $decision }.
summary-proposed-none = لم يقترح المقيِّم أي قرار.
summary-conditions-required = الشروط (مطلوبة)
summary-conditions-when = الشروط (مطلوبة للمضي قدمًا بشروط)
summary-signoff-comment = تعليق (اختياري، جزء من السجل المعتمد)
summary-sign-off-button = اعتماد
summary-signing-freezes = يجمّد الاعتماد الإجابات ونتيجة المحرك وقراراتك في سجل غير قابل للتغيير مع بصمته SHA-256.
summary-about = بخصوص
summary-return-title = الإعادة إلى المقيِّم
summary-return-body = ما يجب تغييره (مطلوب)
summary-return-button = الإعادة مع هذا التعليق
summary-concurrence-title = مستشار حقوق الإنسان: الموافقة
summary-justification = المبرّر: { $text }
summary-status-concurred = الحالة: تمت الموافقة
summary-status-refused = الحالة: مرفوض
summary-status-awaiting = الحالة: بانتظار رأيك
summary-reasoning = تعليلك (مطلوب للرفض)
summary-concur = موافقة
summary-refuse = رفض
summary-trigger-title = تسجيل حدث محفز
summary-event = الحدث
summary-what-happened = ما الذي حدث
summary-record-event = تسجيل الحدث
summary-reassess-title = بدء إعادة تقييم
summary-reassess-help = يُنشأ إصدار جديد من إجابات هذا الإصدار (لا تُنقل موافقات المستشار)؛ ويحتفظ هذا الإصدار باعتماده إلى أن يُعتمد الإصدار الجديد.
summary-reassess-why = السبب (1.6)
summary-reassess-trigger = الحدث المحفز (1.7، عند الاقتضاء)
summary-reassess-button = بدء إعادة التقييم
summary-comments = التعليقات ({ $n })
summary-add-comment = إضافة تعليق
summary-audit = سجل التدقيق
summary-audit-intact = { $count ->
    [zero] لا أحداث؛ والسجلات والتعليقات والتقييم نفسه قابلة للتحقق.
    [one] حدث واحد، موقّع ومسلسل في سجل التدقيق الخاص بالمنشأة؛ والحدث والسجلات والتعليقات والتقييم نفسه قابلة للتحقق.
    [two] حدثان، كل منهما موقّع ومسلسل في سجل التدقيق الخاص بالمنشأة؛ والأحداث والسجلات والتعليقات والتقييم نفسه قابلة للتحقق.
    [few] { $n } أحداث، كل منها موقّع ومسلسل في سجل التدقيق الخاص بالمنشأة؛ والأحداث والسجلات والتعليقات والتقييم نفسه قابلة للتحقق.
    [many] { $n } حدثًا، كل منها موقّع ومسلسل في سجل التدقيق الخاص بالمنشأة؛ والأحداث والسجلات والتعليقات والتقييم نفسه قابلة للتحقق.
   *[other] { $n } حدث، كل منها موقّع ومسلسل في سجل التدقيق الخاص بالمنشأة؛ والأحداث والسجلات والتعليقات والتقييم نفسه قابلة للتحقق.
}
summary-audit-broken = لا يمكن التحقق من السلسلة أو من أحد السجلات (انظر التحذير في أعلى الصفحة).
summary-col-when = متى
summary-col-who = من
summary-col-what = ماذا
summary-col-hash = البصمة

# رأس صفحة ملخص التقييم (ui/components/case_overview.rs).
overview-continue = المتابعة من حيث توقفت
overview-answer = الإجابة عن الأسئلة
overview-view-answers = عرض الإجابات
overview-version = الإصدار { $n }
overview-started = بدأه { $name } في { $date } · المنهجية { $methodology }
overview-not-computed = لم يُحسب بعد
overview-components = عناصر الدعم
overview-complete = الإجابات مكتملة
overview-still-to-answer = ما زال بحاجة إلى إجابة: { $n }
overview-nothing-blocks = لا شيء يمنع التقديم.
overview-engine-blocks = يبيّن المحرك ما لا يزال يمنع التقديم.
