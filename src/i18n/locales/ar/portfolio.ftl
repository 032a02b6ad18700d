# الحافظة (/portfolio). كلمات المستويات والقرارات والحالات من values.ftl؛ وأسماء المجالات وعناوين
# القواعد من فهرس المنهجية.

portfolio-loading = جارٍ تحميل الحافظة…
portfolio-as-of = الإصدارات الحالية من التقييمات في بلدانك · الأرقام حتى { $time } (تُحدَّث كل { $seconds } ثانية)
portfolio-export = تصدير الحالات التي تقوم عليها هذه الأرقام:
portfolio-filter-label = تصفية الحافظة
portfolio-current-versions = الإصدارات الحالية
portfolio-decision = القرار
portfolio-any-decision = أي قرار
portfolio-support-type = نوع الدعم
portfolio-any-support-type = أي نوع دعم
portfolio-from = عُدِّل منذ
portfolio-to = عُدِّل حتى
portfolio-reset = إعادة الضبط
portfolio-apply = تطبيق عوامل التصفية
portfolio-tile-total = التقييمات
portfolio-tile-high = خطر متبقٍّ مرتفع
portfolio-tile-stopped = مكوّنات متوقفة
portfolio-tile-stopped-note = بقرار موقَّع؛ و{ $count } أخرى موصى بها لم يُبتّ فيها بعد
portfolio-reviews-overdue = مراجعات متأخرة
portfolio-reassessments-due = إعادات تقييم مستحقة
portfolio-open-intercessions = تدخّلات مفتوحة
portfolio-chart-band = المستوى المتبقي العام
portfolio-chart-decision = القرار النافذ
portfolio-chart-decision-note = نهائي بعد التوقيع، وإلا فهو توصية المحرّك.
portfolio-chart-status = الحالة
portfolio-show-table = العرض في جدول
portfolio-cases = الحالات
portfolio-heat-heading = البلدان × مجالات الخطر
portfolio-heat-title = البلدان × مجالات الخطر: أعلى مستوى متبقٍّ بين الحالات التي يُفعَّل فيها المجال
portfolio-heat-legend = أعلى مستوى متبقٍّ؛ الرقم = الحالات التي فُعِّل فيها المجال:
portfolio-heat-none = لا يوجد تقييم محسوب يطابق عوامل التصفية هذه.
portfolio-heat-cases = { $count ->
    [zero] لا حالات
    [one] حالة واحدة
    [two] حالتان
    [few] { $n } حالات
    [many] { $n } حالة
   *[other] { $n } حالة
}
portfolio-heat-scroll = خريطة حرارية (تُمرَّر أفقيًا على الشاشة الصغيرة)
portfolio-risk-area = مجال الخطر
portfolio-chart-rules = القواعد الإلزامية الأكثر تفعيلًا
portfolio-chart-rules-note = الحالات التي تفعّلت فيها القاعدة في أحد المكوّنات.
portfolio-chart-high-areas = المجالات الأكثر تكرارًا بمستوى مرتفع
portfolio-chart-high-areas-note = الحالات التي يكون مستواها المتبقي في المجال مرتفعًا.
portfolio-by-country = حسب البلد
portfolio-incomplete = غير مكتملة
portfolio-decisions-in-force = القرارات النافذة
portfolio-stopped-components = المكوّنات المتوقفة
portfolio-stops-heading = المكوّنات المعلَّقة أو المجمَّدة أو التي لا يُمضى فيها (موقَّعة)
portfolio-stops-all = جميعها ({ $count }) ←
portfolio-none = لا شيء.
portfolio-case = الحالة
portfolio-component = المكوّن
