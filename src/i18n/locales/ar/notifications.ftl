# صفحة الإشعارات (/notifications).

notifications-intro = ما جرى للتقييمات التي تعمل عليها: تقديمات تنتظرك، وإعادات، وموافقات، وقرارات، وتعليقات، وأحداث مُطلِقة لإعادة التقييم، وتذكيرات.
notifications-loading = جارٍ التحميل…
notifications-empty = لا شيء بعد. ستجد هنا ما يطلبه منك مسار العمل.
notifications-all-read = تمت قراءة كل شيء.
notifications-unread = { $count ->
    [zero] لا توجد إشعارات غير مقروءة.
    [one] إشعار واحد غير مقروء.
    [two] إشعاران غير مقروءين.
    [few] { $n } إشعارات غير مقروءة.
    [many] { $n } إشعارًا غير مقروء.
   *[other] { $n } إشعار غير مقروء.
}
notifications-mark-all-read = وضع علامة مقروء على الكل
notifications-newest-only = تُعرض أحدث { $n } فقط.
notifications-new = جديد
notifications-open-case = فتح الحالة
notifications-open = فتح
notifications-at = { $at } بالتوقيت العالمي
mail-heading = البريد الإلكتروني
mail-intro = يُعرض كل إشعار هنا. وبالبريد الإلكتروني تصلك أيضًا مرجع الحالة وعنوانها وبلدها وحالتها مع رابط للعودة، ولا تصلك أبدًا الإجابات أو أرقام الخطر.
mail-off = لا يرسل هذا الخادم بريدًا إلكترونيًا حاليًا (لم يُضبط خادم بريد)؛ وسيُطبَّق اختيارك حين يفعل.
mail-saved = حُفظ اختيارك للبريد الإلكتروني.
mail-legend = أرسل إليّ بريدًا إلكترونيًا
mail-pref-immediate = فورًا: رسالة لكل إشعار
mail-pref-daily = ملخص يومي: رسالة واحدة في اليوم تسرد إشعارات اليوم
mail-pref-none = لا بريد إلكتروني (الإشعارات داخل HRDD فقط)
mail-save = حفظ اختيار البريد الإلكتروني
