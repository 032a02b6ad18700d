# البيانات المرجعية القطرية: /reference/countries و/reference/countries/{code} و/reference/import.
reference-title = البيانات المرجعية القطرية
reference-intro = السياق القطري لكل تقييم (الأسئلة 4.1 إلى 4.8: عقوبة الإعدام على جرائم المخدرات، والاحتجاز الإلزامي لمتعاطي المخدرات، والعقوبة البدنية، والاحتجاز السابق للمحاكمة، وضمانات المحاكمة، والنزاع المسلح)، محفوظ لكل بلد مع تاريخ نفاذ كل قيمة ومصدرها. يبدأ التقييم الجديد من القيم النافذة، ويؤكدها المقيِّم.
reference-loading = جارٍ تحميل البيانات المرجعية…
reference-export = صدِّر ما يحق لك قراءته:
reference-import-link = استيراد جدول CSV
reference-open-label = افتح بلدًا برمزه
reference-open = فتح
reference-open-empty = اكتب رمز البلد المكوّن من حرفين (ISO 3166 alpha-2، مثل KE).
reference-open-unknown = «{ $code }» ليس رمز بلد يعرفه HRDD: اكتب رمز ISO 3166 alpha-2 المكوّن من حرفين، مثل KE لكينيا.
reference-empty = لا توجد بعد بيانات مرجعية في بلدانك.
reference-col-country = البلد
reference-col-entries = القيود المسجلة
reference-col-last = آخر تغيير مسجل
reference-nothing-yet = لم يُسجَّل شيء بعد
reference-imported = { $count ->
    [one] استُورد قيد واحد.
    [two] استُورد قيدان.
    [few] استُوردت { $n } قيود.
   *[other] استُورد { $n } قيدًا.
}
reference-imported-triggered = { $count ->
    [one] سُجِّل حدث تغيير في عقوبة الإعدام على تقييم واحد صدر فيه قرار؛ وأصبح الآن مستحق إعادة التقييم.
   *[other] سُجِّل حدث تغيير في عقوبة الإعدام على { $n } من التقييمات التي صدر فيها قرار؛ وأصبحت الآن مستحقة لإعادة التقييم.
}
reference-all-countries = جميع البلدان
reference-country-title = { $code }: البيانات المرجعية للبلد
reference-country-intro = يبدأ كل تقييم جديد في هذا البلد بهذه القيم في الخطوة 2، كلٌّ منها بتاريخه ومصدره؛ ويؤكدها المقيِّم أو يغيّرها. ويُحفظ كل تغيير قيدًا جديدًا مؤرخًا.
reference-recorded = { $count ->
    [one] سُجِّل تغيير واحد.
    [two] سُجِّل تغييران.
    [few] سُجِّلت { $n } تغييرات.
   *[other] سُجِّل { $n } تغييرًا.
}
reference-recorded-triggered = { $count ->
    [one] سُجِّل حدث تغيير في عقوبة الإعدام على تقييم واحد صدر فيه قرار في { $code }؛ وأصبح الآن مستحق إعادة التقييم.
   *[other] سُجِّل حدث تغيير في عقوبة الإعدام على { $n } من التقييمات التي صدر فيها قرار في { $code }؛ وأصبحت الآن مستحقة لإعادة التقييم.
}
reference-in-force = النافذ اليوم ({ $date })
reference-col-question = السؤال
reference-col-value = القيمة
reference-col-from = نافذ اعتبارًا من
reference-col-source = المصدر
reference-col-recorded-by = سجّله
reference-not-recorded = غير مسجل
reference-no-value = — (بلا قيمة)
reference-yes = نعم
reference-no = لا
reference-history = السجل
reference-history-empty = لم يُسجَّل شيء بعد.
reference-recorded-by = { $name }، { $date }
reference-edit-title = تسجيل تغيير
reference-edit-help = اضبط الجدول كما يسري اعتبارًا من التاريخ أدناه. تصبح كل قيمة تغيّرها قيدًا جديدًا بهذا التاريخ وهذا المصدر؛ وتحتفظ القيم التي لم تتغير بتاريخها ومصدرها. اختر «بلا قيمة» حيث لم يعد السؤال منطبقًا.
reference-watchers = { $count ->
    [0] لا يرصد أي تقييم صدر فيه قرار في { $code } اليوم تغييرًا في عقوبة الإعدام: تغيير 4.1 أو 4.2 لا يسجّل أي حدث.
    [one] تغيير 4.1 أو 4.2 يسجّل حدث تغيير في عقوبة الإعدام على تقييم واحد صدر فيه قرار في { $code } يرصده؛ فيصبح مستحق إعادة التقييم ويراه المقيِّم والمديرون.
   *[other] تغيير 4.1 أو 4.2 يسجّل حدث تغيير في عقوبة الإعدام على { $n } من التقييمات التي صدر فيها قرار في { $code } وترصده؛ فيصبح كل منها مستحق إعادة التقييم ويراه مقيِّمه ومديروه.
}
reference-fields-banner = لم يُسجَّل شيء. صحّح الحقول المشار إليها أدناه؛ كل ما كتبته محفوظ.
reference-choose-no-value = — بلا قيمة —
reference-field-from = نافذ اعتبارًا من
reference-field-citation = المصدر: قانون أو صك أو تقرير، مع الإحالة إليه
reference-field-url = رابط المصدر (اختياري)
reference-record = تسجيل التغيير
reference-import-title = استيراد البيانات المرجعية
reference-import-format = ملف CSV يسمّي سطر ترويسته الأعمدة { $columns }، قيد واحد في كل سطر (صيغة التصدير). «question» أحد { $questions }؛ و«value» رمز من قائمة السؤال، أو true/false، أو عدد صحيح، أو فارغ حيث لم يعد السؤال منطبقًا اعتبارًا من ذلك التاريخ؛ و«effective_from» بصيغة YYYY-MM-DD.
reference-import-preview-help = ترى أولًا معاينة: كل سطر خاطئ برقمه، وما سيُسجَّل. لا يُسجَّل شيء حتى تؤكد، وعندئذ تُسجَّل الأسطر كلها أو لا شيء منها. وتُتخطّى الأسطر المسجلة من قبل كما هي تمامًا، فيمكن استيراد تصدير مصحَّح مرة أخرى.
reference-import-file = ملف CSV
reference-import-paste = …أو الصق الجدول
reference-import-check = تحقّق من الملف
