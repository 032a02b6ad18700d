# قائمة الحالات (/cases).

cases-title = التقييمات
cases-intro = حالات العناية الواجبة في مجال حقوق الإنسان في بلدانك، الأحدث تعديلًا أولًا.
cases-loading = جارٍ تحميل التقييمات…
cases-filter-label = تصفية التقييمات
cases-search = البحث في العنوان أو المرجع
cases-search-example = مثلًا: سجن أو KE-2026
cases-status = الحالة
cases-any-status = أي حالة (الإصدارات الحالية)
cases-band = المستوى العام
cases-any-band = أي مستوى
cases-incomplete-draft = مسودة غير مكتملة
cases-country = البلد
cases-all-my-countries = جميع بلداني
cases-filter = تصفية
cases-new = تقييم جديد
cases-total = { $count ->
    [zero] لا توجد تقييمات
    [one] تقييم واحد
    [two] تقييمان
    [few] { $count } تقييمات
    [many] { $count } تقييمًا
   *[other] { $count } تقييم
}
cases-export = تصدير هذه القائمة:
cases-none = لا يوجد تقييم مطابق.
cases-start-new = ابدأ تقييمًا جديدًا
cases-col-reference = المرجع
cases-col-programme = البرنامج
cases-col-band = المستوى
cases-col-last-change = آخر تعديل
cases-version = الإصدار { $number }
cases-drill-label = عوامل تصفية الحافظة المطبّقة على هذه القائمة
cases-drill-remove = إزالة عامل التصفية: { $filter }
cases-drill-decision = القرار: { $decision }
cases-drill-support-type = نوع الدعم { $code }
cases-drill-from = عُدِّل منذ { $date }
cases-drill-to = عُدِّل حتى { $date }
cases-drill-area = مجال الخطر { $code }
cases-drill-area-band = بمستوى { $band }
cases-drill-rule = تفعّلت القاعدة الإلزامية { $code }

## تقييم جديد (src/ui/pages/new_case.rs)؛ تسميات الحقول هي أسئلة الفهرس

new-case-title = تقييم جديد
new-case-intro = ابدأ بالأساسيات؛ وتُجاب بقية الأسئلة خطوة بخطوة وتُحفظ كمسودة.
new-case-create = إنشاء مسودة
new-case-assessors-only = لا يبدأ التقييمات إلا المقيّمون.
