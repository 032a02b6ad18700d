# المعالج (الجزء التفاعلي). انظر en/wizard.ftl: الجمع على `$count` فقط، ويُكتب العدد بـ `{ $n }`.

wizard-loading = جارٍ تحميل التقييم…
wizard-assessment = التقييم
wizard-viewing-only = أنت تطّلع على هذا التقييم؛ لا يغيّر الإجابات إلا المقيّمون المكلّفون به.
wizard-read-only = هذا التقييم للقراءة فقط: فقد قُدِّم للاستعراض.
wizard-returned-by = أعاده إليك { $by } في { $at }:
wizard-open-commented-step = فتح الخطوة التي يتناولها هذا التعليق
wizard-no-such-step = هذه الخطوة غير موجودة (هل أُعيدت تسمية مكوّنها أو حُذف؟).

## الحفظ
wizard-saving = جارٍ الحفظ…
wizard-all-saved = حُفظت كل التغييرات
wizard-not-saved = لم يُحفظ
wizard-not-saved-conflict = لم يُحفظ: حفظ شخص آخر قبلك
wizard-unsaved = تغييرات غير محفوظة
wizard-saved-on-server = المسودة محفوظة على الخادم
wizard-retry = إعادة المحاولة
wizard-kept-typed = { $count ->
    [zero] لم يُحتفظ بأي حقل كُتب أثناء تحميل الصفحة.
    [one] احتُفظ بما كتبته أثناء تحميل الصفحة (حقل واحد)؛ ولم يُحفظ بعد.
    [two] احتُفظ بما كتبته أثناء تحميل الصفحة (حقلان)؛ ولم يُحفظ بعد.
    [few] احتُفظ بما كتبته أثناء تحميل الصفحة ({ $n } حقول)؛ ولم يُحفظ بعد.
    [many] احتُفظ بما كتبته أثناء تحميل الصفحة ({ $n } حقلًا)؛ ولم يُحفظ بعد.
   *[other] احتُفظ بما كتبته أثناء تحميل الصفحة ({ $n } حقل)؛ ولم يُحفظ بعد.
}
wizard-kept-restored = { $count ->
    [zero] لا توجد تغييرات لم تُرسل إلى الخادم.
    [one] استُعيدت تغييرات لم يرسلها هذا المتصفح إلى الخادم بعد (خطوة واحدة)؛ وهي تُحفظ الآن.
    [two] استُعيدت تغييرات لم يرسلها هذا المتصفح إلى الخادم بعد (خطوتان)؛ وهي تُحفظ الآن.
    [few] استُعيدت تغييرات لم يرسلها هذا المتصفح إلى الخادم بعد ({ $n } خطوات)؛ وهي تُحفظ الآن.
    [many] استُعيدت تغييرات لم يرسلها هذا المتصفح إلى الخادم بعد ({ $n } خطوة)؛ وهي تُحفظ الآن.
   *[other] استُعيدت تغييرات لم يرسلها هذا المتصفح إلى الخادم بعد ({ $n } خطوة)؛ وهي تُحفظ الآن.
}

## الخطوات
wizard-steps-nav = خطوات التقييم
wizard-steps = الخطوات
wizard-status-done = مكتملة
wizard-status-incomplete = غير مكتملة
wizard-status-blocked = متوقفة
wizard-status-not-started = لم تبدأ
wizard-step-of = الخطوة { $number } من { $total }
wizard-step-comments = تعليقات المستعرضين على هذه الخطوة ({ $number })
wizard-save = حفظ
wizard-back = السابق
wizard-next = التالي
wizard-save-draft = حفظ المسودة
wizard-step-problems = { $count ->
    [zero] لا توجد إجابات في هذه الخطوة تحتاج إلى مراجعة:
    [one] إجابة واحدة في هذه الخطوة ما زالت تحتاج إلى مراجعة (مسودتك محفوظة على أي حال):
    [two] إجابتان في هذه الخطوة ما زالتا تحتاجان إلى مراجعة (مسودتك محفوظة على أي حال):
    [few] { $n } إجابات في هذه الخطوة ما زالت تحتاج إلى مراجعة (مسودتك محفوظة على أي حال):
    [many] { $n } إجابة في هذه الخطوة ما زالت تحتاج إلى مراجعة (مسودتك محفوظة على أي حال):
   *[other] { $n } إجابة في هذه الخطوة ما زالت تحتاج إلى مراجعة (مسودتك محفوظة على أي حال):
}

## حفظ شخص آخر قبلك
wizard-conflict-heading = حفظ { $who } هذا التقييم أثناء تحريرك له
wizard-conflict-intro = لم تُحفظ تغييراتك في «{ $step }». لم يضع شيء: ما أدخلته ما زال في الاستمارة. اختر، حقلًا حقلًا، القيمة التي تريد الاحتفاظ بها، ثم احفظ.
wizard-conflict-other-steps = غيّروا خطوات أخرى فقط؛ والحفظ يُبقي على تغييراتهم وتغييراتك.
wizard-conflict-field = الحقل
wizard-conflict-theirs = قيمة { $who }
wizard-conflict-yours = قيمتك
wizard-conflict-keep = الاحتفاظ بـ
wizard-conflict-keep-which = أي قيمة تُحفظ لـ { $field }
wizard-conflict-mine-choice = قيمتي
wizard-conflict-theirs-choice = قيمتهم
wizard-conflict-save = الحفظ بهذه الاختيارات
wizard-conflict-discard = تجاهل تغييراتي وتحميل تغييراتهم
wizard-value-empty = (فارغ)
wizard-value-items = { $count ->
    [zero] لا عناصر: { $list }
    [one] عنصر واحد: { $list }
    [two] عنصران: { $list }
    [few] { $n } عناصر: { $list }
    [many] { $n } عنصرًا: { $list }
   *[other] { $n } عنصر: { $list }
}

## مكوّنات الدعم
wizard-components = مكوّنات الدعم ({ $number }) — إضافة أو إعادة تسمية أو نسخ أو حذف
wizard-components-help = يُجاب عن الخطوات من 3 إلى 6 والخطوة 8 مرة لكل مكوّن. احفظ تغييراتك قبل تغيير القائمة.
wizard-component-example = مثل: مختبر الأدلة الجنائية
wizard-component-hint = اسم قصير؛ يصبح معرّف المكوّن (Forensic lab → FORENSIC-LAB)
wizard-this-page = (هذه الصفحة)
wizard-rename-to = إعادة التسمية إلى
wizard-rename = إعادة التسمية
wizard-copy-as = النسخ باسم
wizard-duplicate = نسخ
wizard-remove-confirm = نعم، احذف { $component } وكل إجاباته
wizard-remove = حذف
wizard-new-component = مكوّن جديد (اسم قصير)
wizard-add-component = إضافة المكوّن

## التقديم
wizard-submit = التقديم للاستعراض
wizard-submit-help = يجمّد التقديم الإجابات (تُحفظ لقطة مع بصمة محتواها) ويرسل الحالة إلى مستعرضي بلدها. لن تتمكن من تغييرها بعد ذلك ما لم يُعِدها إليك أحد المستعرضين.
wizard-submit-unavailable = متاح عندما لا ينقص شيء ولا يعيق شيء.
wizard-save-first = احفظ تغييراتك أولًا.

## الأسئلة والأجزاء
wizard-yes = نعم
wizard-no = لا
wizard-optional = (اختياري)
wizard-required-when = (مطلوب عند { $when })
wizard-choose = اختر…
wizard-none-of-these = لا شيء مما سبق
wizard-standards = المعايير:
wizard-country-locked = حُدّد عند إنشاء التقييم؛ لبلد آخر ابدأ تقييمًا جديدًا.
wizard-reference-note = من البيانات المرجعية للبلد: { $value }، سارية منذ { $date }، المصدر: { $source }.
wizard-reference-differs = إجابتك تختلف عن القيمة المرجعية: اذكر السبب أدناه؛ يرى المستعرضون القيمتين.
wizard-reference-reason = لماذا تختلف إجابتك عن البيانات المرجعية
wizard-confirmation = تأكيدك
wizard-confirmation-help = مُلئت هذه الإجابات مسبقًا من البيانات المرجعية للبلد التي يحتفظ بها المسؤولون. راجع كل إجابة في ضوء ما تعرفه اليوم؛ وإذا غيّرت إحداها فاذكر السبب. لا يُقدَّم التقييم إلا بعد تأكيدك.
wizard-confirmation-box = راجعت سياق البلد (4.1–4.8) وهو يصف البلد كما هو الآن.
wizard-adviser-concurred = نعم — سجّله مستشار حقوق الإنسان
wizard-adviser-not-yet = ليس بعد (يسجّله المستشار)
wizard-no-evidence-yet = لا توجد أدلة مسجلة لهذا المكوّن بعد: أضفها في الخطوة 4، الجهة المتلقية وسجلها.
wizard-override-nexus = الصلة (لتعديل الصلة)
wizard-override-likelihood = الاحتمال 1–5 (لتعديل L0)
wizard-override-hrddp = انطباق سياسة بذل العناية الواجبة (لتعديلها)
wizard-override-applies = تنطبق
wizard-override-does-not-apply = لا تنطبق
wizard-severity-title = 5.1 { $title } (اختياري)
wizard-severity-area = المجال
wizard-severity-score-for = { $score } لـ { $area }

## المعاينة المباشرة وجداول المحرّك
wizard-preview = معاينة مباشرة للمخاطر
wizard-preview-intro = يُعاد حسابها في متصفحك عند كل تغيير، بالمحرّك نفسه الذي يستخدمه الخادم.
wizard-preview-nothing-rated = مؤقت: لا يمكن تقدير أي شيء بعد.
wizard-preview-missing = { $count ->
    [zero] لا إجابات ناقصة أو غير صالحة.
    [one] إجابة واحدة ناقصة أو غير صالحة.
    [two] إجابتان ناقصتان أو غير صالحتين.
    [few] { $n } إجابات ناقصة أو غير صالحة.
    [many] { $n } إجابة ناقصة أو غير صالحة.
   *[other] { $n } إجابة ناقصة أو غير صالحة.
}
wizard-preview-provisional = مؤقت — ستتغير هذه الأرقام كلما أُعطيت الإجابات الناقصة.
wizard-not-rated-case = { $count ->
    [zero] إجابات الحالة والبلد: لا إجابات ناقصة أو غير صالحة.
    [one] إجابات الحالة والبلد: إجابة واحدة ناقصة أو غير صالحة (لا يمكن تقدير أي مكوّن قبل إعطائها).
    [two] إجابات الحالة والبلد: إجابتان ناقصتان أو غير صالحتين (لا يمكن تقدير أي مكوّن قبل إعطائهما).
    [few] إجابات الحالة والبلد: { $n } إجابات ناقصة أو غير صالحة (لا يمكن تقدير أي مكوّن قبل إعطائها).
    [many] إجابات الحالة والبلد: { $n } إجابة ناقصة أو غير صالحة (لا يمكن تقدير أي مكوّن قبل إعطائها).
   *[other] إجابات الحالة والبلد: { $n } إجابة ناقصة أو غير صالحة (لا يمكن تقدير أي مكوّن قبل إعطائها).
}
wizard-not-rated-component = { $count ->
    [zero] { $component }: لم يُقدَّر بعد.
    [one] { $component }: لم يُقدَّر بعد، إجابة واحدة ناقصة أو غير صالحة.
    [two] { $component }: لم يُقدَّر بعد، إجابتان ناقصتان أو غير صالحتين.
    [few] { $component }: لم يُقدَّر بعد، { $n } إجابات ناقصة أو غير صالحة.
    [many] { $component }: لم يُقدَّر بعد، { $n } إجابة ناقصة أو غير صالحة.
   *[other] { $component }: لم يُقدَّر بعد، { $n } إجابة ناقصة أو غير صالحة.
}
wizard-records-left-out = { $count ->
    [zero] لا سجلات غير مكتملة.
    [one] سجل واحد غير مكتمل مستبعد إلى أن يكتمل.
    [two] سجلان غير مكتملين مستبعدان إلى أن يكتملا.
    [few] { $n } سجلات غير مكتملة مستبعدة إلى أن تكتمل.
    [many] { $n } سجلًا غير مكتمل مستبعدة إلى أن تكتمل.
   *[other] { $n } سجل غير مكتمل مستبعدة إلى أن تكتمل.
}
wizard-overall-band = المستوى العام
wizard-recommended = الموصى به
wizard-recommended-decision = القرار الموصى به
wizard-approval-level = مستوى الموافقة
wizard-approval-level-required = مستوى الموافقة المطلوب
wizard-next-review = الاستعراض التالي
wizard-on-trigger = عند وقوع حدث محفّز
wizard-rules = القواعد:
wizard-nothing-blocks = لا شيء يعيق التقديم.
wizard-blocking = { $count ->
    [zero] لا شيء يعيق التقديم
    [one] بند واحد يعيق التقديم
    [two] بندان يعيقان التقديم
    [few] { $n } بنود تعيق التقديم
    [many] { $n } بندًا يعيق التقديم
   *[other] { $n } بند يعيق التقديم
}
wizard-unavailable-screening = يظهر فرز المخاطر بعد إعطاء كل الإجابات المطلوبة للحالة (انظر لوحة المعاينة لمعرفة ما ينقص).
wizard-unavailable-mitigation = يظهر أثر التدابير بعد إعطاء كل الإجابات المطلوبة للحالة (انظر لوحة المعاينة لمعرفة ما ينقص).
wizard-unavailable-consultations = تظهر قائمة المشاورات المطلوبة بعد إعطاء كل الإجابات المطلوبة للحالة (انظر لوحة المعاينة لمعرفة ما ينقص).
wizard-unavailable-decision = يظهر القرار الموصى به بعد إعطاء كل الإجابات المطلوبة للحالة (انظر لوحة المعاينة لمعرفة ما ينقص).
wizard-screening-region = جدول فرز المخاطر
wizard-screening-caption = فرز المخاطر حسب المجال
wizard-col-area = المجال
wizard-col-nexus = الصلة
wizard-col-inherent = الأصلي
wizard-col-why = السبب
wizard-col-residual = المتبقي
wizard-col-qualifying = التدابير المعتدّ بها
wizard-col-component = المكوّن
wizard-col-hard-rules = القواعد الملزمة
wizard-col-recommended = الموصى به
wizard-col-proposed = المقترح
wizard-not-triggered = غير مُفعَّل
wizard-hrddp-applies = تنطبق سياسة بذل العناية الواجبة: نعم
wizard-hrddp-does-not-apply = تنطبق سياسة بذل العناية الواجبة: لا
wizard-overridden = (معدَّل)
wizard-mitigation-region = أثر التدابير
wizard-mitigation-caption = أثر التدابير حسب المجال
wizard-measures-none = لا شيء
wizard-measure-does-not-count = { $measure } لا يُعتدّ به: { $reasons }
wizard-component-band = مستوى المكوّن:
wizard-consultation-required-recorded = مطلوبة · مسجلة
wizard-consultation-required-missing = مطلوبة · ناقصة
wizard-consultation-recorded = مسجلة
wizard-consultation-not-required = غير مطلوبة
wizard-monitoring-every = تقرير الرصد كل
wizard-months = { $count ->
    [zero] { $n } شهر
    [one] شهر واحد
    [two] شهرين
    [few] { $n } أشهر
    [many] { $n } شهرًا
   *[other] { $n } شهر
}
wizard-decided-by = حُدِّد بموجب
wizard-blocking-here = يعيق هنا
wizard-review-missing = { $count ->
    [zero] لا إجابات ناقصة أو غير صالحة.
    [one] إجابة واحدة ناقصة أو غير صالحة.
    [two] إجابتان ناقصتان أو غير صالحتين.
    [few] { $n } إجابات ناقصة أو غير صالحة.
    [many] { $n } إجابة ناقصة أو غير صالحة.
   *[other] { $n } إجابة ناقصة أو غير صالحة.
}
wizard-components-region = المكوّنات (تُمرَّر أفقيًا على الشاشات الصغيرة)
wizard-recommended-label = الموصى به:


# بطاقة القرار، في أعلى معاينة المعالج وصفحة الملخص.
decision-card-signed-off = القرار المعتمد
decision-card-recommendation = توصية المنهجية
decision-card-final-one = القرار النهائي: { $decision }
decision-card-finals = القرارات النهائية
decision-card-headline = { $decision } — { $why }
decision-card-reason-band = المخاطر المتبقية { $band } في { $component }
decision-card-reason-overall = المخاطر المتبقية { $band }
decision-card-component-decision = { $component }: { $decision }
decision-card-conditions = — الشروط: { $conditions }
decision-card-recommended-was = (الموصى به: { $decision })
decision-card-signed-by = اعتمده { $name } (مستوى الموافقة { $level }) في { $date }.
decision-card-methodology-recommended = أوصت المنهجية بما يلي: { $decision } — { $why }.
decision-card-rules = القواعد المنطبقة
decision-card-source = المصدر: { $sources }
decision-card-next = ما يجب على المكتب فعله بعد ذلك
decision-card-meet-conditions = { $component }: استيفاء الشروط — { $conditions }
decision-card-review-by = أعد النظر في التقييم في موعد أقصاه { $date }، أو قبل ذلك إذا وقع حدث محفز.
decision-card-submitted = قُدِّم: يقرر مراجع من مستوى الموافقة { $level } أو أعلى، أو يعيده مع تعليق.
decision-card-nothing-blocks = لا شيء يمنع التقديم: قدّم التقييم؛ ويُبتّ فيه على مستوى الموافقة { $level }.
decision-card-show-calculation = عرض الحساب
decision-card-band-basis = مستوى المخاطر المتبقية

# Which plural category Fluent gives a count (the island copies it, see IslandText).
wizard-plural-category = { $count ->
    [zero] zero
    [one] one
    [two] two
    [few] few
    [many] many
   *[other] other
}
