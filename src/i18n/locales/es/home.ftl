# La página de inicio (/), la bandeja de entrada, los problemas de acceso.

home-kicker = UNODC · ACNUDH · operaciones de paz
home-title = Diligencia debida en materia de derechos humanos para el apoyo a autoridades nacionales
home-intro = Antes y durante el apoyo de la ONU a la policía, los tribunales, las prisiones o los servicios de salud, HRDD comprueba que ese apoyo no contribuya a la pena de muerte por delitos de drogas, la tortura, las ejecuciones extrajudiciales, la detención arbitraria o la discriminación, y deja constancia de quién decidió qué y por qué.
home-step = Paso { $number }
home-step-assess = Evaluar
home-step-assess-text = El personal de la oficina en el país completa un formulario guiado, por componente de apoyo, y guarda borradores sobre la marcha.
home-step-explain = Explicar
home-step-explain-text = El motor califica cada ámbito de riesgo: riesgo inherente, mitigación, riesgo residual y las reglas obligatorias aplicables, con cada cifra explicada.
home-step-review = Revisar
home-step-review-text = Los asesores de derechos humanos expresan su conformidad u objeción; los aprobadores de tres niveles devuelven o aprueban. La aprobación congela un registro con huella criptográfica.
home-step-oversee = Supervisar
home-step-oversee-text = Los gerentes siguen los niveles, las decisiones y las reevaluaciones atrasadas en todos los países.
home-read-methodology = Leer la metodología

matrix-title = Cómo se califica un riesgo
matrix-intro = Riesgo = probabilidad × gravedad. Con los daños más graves (S = 5), un riesgo posible (L = 3) ya es SUSTANCIAL, de modo que un riesgo real nunca termina en una aprobación de rutina.
matrix-likelihood = Probabilidad (L)
matrix-severity = Gravedad (S)
matrix-rate = Calificar
matrix-caption = Niveles de riesgo según la probabilidad (filas) y la gravedad (columnas)
likelihood-1 = Rara
likelihood-2 = Improbable
likelihood-3 = Posible
likelihood-4 = Probable
likelihood-5 = Casi segura
severity-1 = Menor
severity-2 = Moderada
severity-3 = Seria
severity-4 = Grave
severity-5 = Irreparable

inbox-title = Bandeja de entrada
inbox-heading = Su bandeja de entrada
inbox-loading = Cargando su bandeja de entrada…
inbox-sections = Secciones de la bandeja de entrada
inbox-returned = Devueltas a usted
inbox-returned-intro = Evaluaciones que un aprobador devolvió con un comentario; abra una para ir al paso al que se refiere el comentario.
inbox-returned-empty = No se ha devuelto ninguna evaluación.
inbox-drafts = Sus borradores
inbox-drafts-intro = Evaluaciones que inició y aún no ha presentado, primero las modificadas más recientemente.
inbox-drafts-empty = No tiene borradores.
inbox-advice = Requieren su conformidad o asesoramiento
inbox-advice-intro = Borradores y evaluaciones devueltas con una consulta obligatoria al ACNUDH aún no registrada, o ajustes a la baja y solicitudes de ajuste pendientes de conformidad.
inbox-advice-empty = Ninguna evaluación le está esperando.
inbox-decide = Requieren su aprobación (nivel { $level })
inbox-decide-intro = Evaluaciones presentadas que requieren el nivel { $level } o inferior, primero las más antiguas. La decisión vence { $days } días después de la presentación.
inbox-decide-empty = Nada espera su decisión.
inbox-waiting = A la espera de un nivel superior
inbox-waiting-intro = Evaluaciones presentadas que requieren un nivel de aprobación superior al suyo: puede leerlas, comentarlas y devolverlas, pero no aprobarlas.
inbox-waiting-empty = Ninguna.
inbox-reassess = Pendientes de reevaluación
inbox-reassess-intro = Evaluaciones decididas cuya fecha de revisión ha pasado o para las que se registró un hecho desencadenante (especificación §10.6).
inbox-reassess-empty = No hay reevaluaciones pendientes.
inbox-col-assessment = Evaluación
inbox-col-decision = Decisión
inbox-col-since = Desde
inbox-col-due = Vence
inbox-col-why = Motivo
inbox-overdue = atrasada

access-sign-in = Inicie sesión
access-session-ended = Su sesión ha terminado. Vuelva a iniciar sesión para continuar.
access-forbidden = No tiene acceso a esta página
access-failed = No se pudo cargar esta página
