"""Exercise checkers for the lessons in ``notebooks/``.

A lesson's exercise cell reads::

    from autograd_viz.lessons import lesson_03 as ex
    answer = ...            # the learner replaces ... with a number, a list or a tensor
    ex.check_second_grad(answer)

``lesson_NN`` holds one ``check_<exercise>(answer)`` per exercise (the expected values live
there, out of the learner's sight), ``SOLUTIONS`` (exercise name -> the right answer, for the
teacher's guide and the tests) and ``WRONG`` (exercise name -> typical wrong answers, each of
which its checker must name).  :func:`autograd_viz.lessons._check.check` prints one message in
the lessons' language (``autograd_viz.set_language``) and never raises.

This package sits beside the library: it imports the engine and the language setting only,
and nothing in the engine, recorder, renderer or widget imports it.
"""
