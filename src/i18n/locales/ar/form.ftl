# الصفحات البسيطة التي تجيب بها النماذج المرسلة دون JavaScript: مشكلة، أو تعارض، أو معاينة
# استيراد للبيانات المرجعية.
form-not-saved-title = لم يُحفَظ هذا
form-back = رجوع
form-back-unchanged = (ما حُفظ من قبل لم يتغير)
form-your-input = ما أدخلته (غير محفوظ)
form-conflict-title = حفظ شخص آخر أولًا
form-conflict-alert = حفظ { $who } هذا التقييم بعد أن فتحته. لم يُحفظ شيء مما أدخلته بعد.
form-conflict-changed = ما غيّره { $who } في هذه الخطوة
form-conflict-was-now = كان «{ $before }»، وأصبح «{ $after }»
form-conflict-save-mine = احفظ نسختي من هذه الخطوة بدلًا من نسخته
form-conflict-discard = تجاهل ما أدخلته وحمّل نسخته
form-import-title = استيراد البيانات المرجعية: معاينة
form-import-summary = { $count ->
    [one] قُرئ سطر واحد: { $new } جديد، و{ $skipped } مسجل من قبل (تُخطّي).
   *[other] قُرئ { $n } من الأسطر: { $new } جديد، و{ $skipped } مسجل من قبل (تُخطّي).
}
form-import-problems = لا يمكن استيراد شيء حتى تصحّ جميع الأسطر:
form-import-line-problem = السطر { $line }: { $message }
form-import-triggers = { $count ->
    [one] تسجّل قيمة جديدة لعقوبة الإعدام في { $country } حدثًا على تقييم واحد صدر فيه قرار ويرصدها؛ فيصبح مستحق إعادة التقييم.
   *[other] تسجّل قيمة جديدة لعقوبة الإعدام في { $country } حدثًا على { $n } من التقييمات التي صدر فيها قرار وترصدها؛ فيصبح كل منها مستحق إعادة التقييم.
}
form-import-col-line = السطر
form-import-col-status = الحالة
form-import-status-new = جديد
form-import-status-skipped = مسجل من قبل
form-import-record = { $count ->
    [one] سجّل قيدًا واحدًا
    [two] سجّل قيدين
    [few] سجّل { $n } قيود
   *[other] سجّل { $n } قيدًا
}
form-import-back = العودة إلى نموذج الاستيراد
