# صفحة مرجع المنهجية (src/ui/pages/methodology.rs). نصوص الفهرس في methodology/translations/.

methodology-title = المنهجية
methodology-loading = جارٍ تحميل المنهجية…
methodology-load-failed = تعذّر تحميل المنهجية:
methodology-steps = التقييم خطوة بخطوة
methodology-step = الخطوة { $number }
methodology-step-per-component = الخطوة { $number } · لكل مكوّن
methodology-areas = مجالات الخطر
methodology-standards = المعايير:
methodology-measures = تدابير التخفيف
methodology-col-code = الرمز
methodology-col-measure = التدبير
methodology-col-effect = الأثر على الاحتمال
methodology-effect-none = لا أثر (يُسجَّل فقط)
methodology-effect-all = جميع المجالات عدا EXT
methodology-rules = القواعد الملزمة
methodology-sources = المصادر:
