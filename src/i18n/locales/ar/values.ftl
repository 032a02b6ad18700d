# القيم المرمّزة كما تعرضها الصفحات. تحتفظ البيانات المخزّنة بالرموز.

band-low = منخفض
band-moderate = متوسط
band-substantial = كبير
band-high = مرتفع
band-incomplete = غير مكتمل

state-draft = مسودة
state-submitted = مقدَّم
state-returned = مُعاد
state-decided = تقرَّر
state-superseded = مُستبدَل

decision-proceed = المضي قدمًا
decision-proceed-with-mitigation = المضي قدمًا مع تدابير التخفيف
decision-proceed-with-conditions = المضي قدمًا بشروط (دعم خاضع للرصد)
decision-escalate = الإحالة إلى الإدارة العليا
decision-do-not-proceed = عدم المضي قدمًا
decision-suspend = تعليق
decision-temporary-freeze = تجميد مؤقت
decision-withdraw = سحب الدعم

account-active = نشط
account-temporary-password = كلمة مرور مؤقتة
account-deactivated = معطَّل

flag-review-overdue = المراجعة متأخرة
flag-reassessment-due = إعادة التقييم مستحقة
flag-stop-decision = مكوّن معلَّق أو مجمَّد أو لا يُمضى فيه
flag-open-intercession = تدخّل مفتوح

pages-label = الصفحات
pages-of = الصفحة { $page } من { $pages }
pages-previous = السابقة
pages-next = التالية
