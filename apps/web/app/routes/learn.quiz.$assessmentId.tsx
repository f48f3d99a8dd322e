import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form, Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react';
import type { AssessmentDto, AttemptResultDto } from '@hearth/contracts';
import { FormAlert } from '../components/form';
import { ReadAloud } from '../components/read-aloud';
import { titleMeta, translator, useI18n } from '../i18n';
import { unavailableOrRethrow } from '../lib/api.server';
import { isApiError } from '../lib/form-errors.server';
import { isoTime, submitQuiz } from '../lib/quiz-submit.server';
import { randomUuid } from '../lib/random-uuid';
import { flushPendingQuizAttempts, keepQuizAttempt, onQuizFlush, readPendingQuizAttempts, type PendingQuizAttempt } from '../lib/quiz-offline';
import { useHydrated } from '../lib/attendance-queue';
import { requireUser } from '../lib/auth.server';
import { certificatesLinks } from '../lib/certificates-styles';
import { isUuid, type FormErrors } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { learningLinks } from '../lib/learning-styles';
import { textSize, textSizeHref } from '../lib/text-size.server';
import { routeHeaders } from '../lib/route-headers';

export const meta = titleMeta<{ quiz?: { title: string } }>('certificates.page.quiz', (data) => data.quiz?.title);
export const links: LinksFunction = () => [...certificatesLinks(), ...learningLinks()];

type Question = AssessmentDto['questions'][number];

/** Where "back" goes: her progress in the class she came from, else her classes. */
function backLink(request: Request) {
  const enrollmentId = new URL(request.url).searchParams.get('enrollment');
  return isUuid(enrollmentId) ? { enrollmentId, href: `/learn/${enrollmentId}` } : { enrollmentId: null, href: '/my/classes' };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  const id = params.assessmentId ?? '';
  if (!isUuid(id)) throw new Response(null, { status: 404, statusText: 'Not Found', headers });
  let quiz: AssessmentDto;
  try {
    quiz = await api.assessments.get(id, { lang: locale });
  } catch (error) {
    // Also when she is not enrolled in a class of the course: the API does not show her the quiz.
    if (isApiError(error, 'NOT_FOUND')) throw new Response(null, { status: 404, statusText: 'Not Found', headers });
    return unavailableOrRethrow(error);
  }
  const back = backLink(request);
  const size = await textSize(request);
  const responseHeaders = new Headers(headers);
  responseHeaders.set('Cache-Control', 'private, no-store');
  if (size.setCookie) responseHeaders.append('Set-Cookie', size.setCookie);
  return data(
    {
      quiz: {
        id: quiz.id,
        kind: quiz.kind,
        title: quiz.title,
        passMark: quiz.passMark,
        maxAttempts: quiz.maxAttempts,
        attemptsLeft: quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - quiz.attemptsUsed),
        bestScore: quiz.bestScore,
        passed: quiz.passed,
        questions: quiz.questions,
      },
      back: back.href,
      enrollmentId: back.enrollmentId,
      owner: user.id,
      // This paper's id and opening time. With JavaScript the page gives itself a fresh pair when it
      // opens (the page may come from the phone's store); without, these make a double tap count once.
      attempt: { id: globalThis.crypto.randomUUID() as string, startedAt: new Date().toISOString() },
      formAction: `/learn/quiz/${quiz.id}${back.enrollmentId ? `?enrollment=${back.enrollmentId}` : ''}`,
      large: size.size === 'large',
      toggleHref: textSizeHref(request, size.size === 'large' ? 'normal' : 'large'),
    },
    { headers: responseHeaders },
  );
}

/** The order she saw: questions and options are shuffled on every load, the result follows her paper. */
interface Layout {
  id: string;
  options: number[];
}

type Outcome =
  | { kind: 'unanswered'; layout: Layout[]; chosen: Record<string, number[]>; errors: FormErrors; missing: string[] }
  | { kind: 'error'; layout: Layout[]; chosen: Record<string, number[]>; errors: FormErrors; missing: string[] }
  | {
      kind: 'result';
      layout: Layout[];
      chosen: Record<string, number[]>;
      result: Pick<AttemptResultDto, 'score' | 'passed' | 'passMark' | 'attemptsLeft' | 'certificateIssued' | 'results'>;
      certificateCode: string | null;
    };

function parseLayout(form: FormData): Layout[] {
  return form
    .getAll('layout')
    .slice(0, 200)
    .flatMap((value) => {
      const [id, options = ''] = String(value).split(':');
      if (!isUuid(id)) return [];
      return [
        {
          id,
          options: options
            .split(',')
            .filter((o) => /^\d{1,2}$/.test(o))
            .map(Number),
        },
      ];
    });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await requireUser(request, { roles: ['learner'] });
  const locale = await getLocale(request);
  const t = translator(locale);
  const id = params.assessmentId ?? '';
  if (!isUuid(id)) throw new Response(null, { status: 404, statusText: 'Not Found', headers });
  const form = await request.formData();
  const layout = parseLayout(form);
  const chosen: Record<string, number[]> = {};
  for (const q of layout) {
    const picked = form
      .getAll(`q-${q.id}`)
      .map(String)
      .filter((v) => /^\d{1,2}$/.test(v))
      .map(Number)
      .filter((n) => q.options.includes(n));
    chosen[q.id] = [...new Set(picked)];
  }
  const reply = (outcome: Outcome, status = 200) => data<Outcome>(outcome, { status, headers });
  const attemptId = form.get('attemptId');
  const meta = { clientAttemptId: isUuid(attemptId) ? attemptId : undefined, startedAt: isoTime(form.get('startedAt')), submittedAt: new Date().toISOString() };

  // A quiz allows few attempts: an unanswered question is more likely a slip than a choice.
  const missing = layout.filter((q) => chosen[q.id].length === 0).map((q) => q.id);
  if (missing.length > 0) {
    const fields: FormErrors['fields'] = {};
    layout.forEach((q, i) => {
      if (missing.includes(q.id)) fields[`q-${q.id}`] = t('learning.quiz.unansweredOne', { n: i + 1 });
    });
    return reply({ kind: 'unanswered', layout, chosen, missing, errors: { form: t('learning.quiz.unanswered', { n: missing.length }), fields } }, 400);
  }

  const outcome = await submitQuiz(api, locale, t, id, chosen, meta);
  if (outcome.ok) return reply({ kind: 'result', layout, chosen, result: outcome.result, certificateCode: outcome.certificateCode });
  return reply({ kind: 'error', layout, chosen, missing: [], errors: outcome.errors }, outcome.status);
}

/** After handing in, the paper on screen is hers: a reload would reshuffle it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === 'POST' ? false : defaultShouldRevalidate;

/** The loader's questions in the order of her paper (a reload reshuffles them). */
function inLayout(questions: Question[], layout: Layout[] | undefined): Question[] {
  if (!layout || layout.length === 0) return questions;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const ordered = layout.flatMap((l) => {
    const q = byId.get(l.id);
    if (!q) return [];
    const options = l.options.flatMap((index) => q.options.filter((o) => o.index === index));
    return [{ ...q, options: options.length === q.options.length ? options : q.options }];
  });
  return [...ordered, ...questions.filter((q) => !layout.some((l) => l.id === q.id))];
}

/** With JavaScript: where an attempt handed in on this page stands (an attempt waits on the phone while there is no signal). */
type Phase =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'waiting'; attempt: PendingQuizAttempt; note: 'stillWaiting' | 'signedOut' | 'otherAccount' | null }
  | { kind: 'graded'; outcome: ResultOutcome }
  | { kind: 'refused'; message: string }
  | { kind: 'unanswered'; n: number };

const RETRY_MS = 15_000;

export default function QuizPage() {
  const { quiz, back, formAction, large, toggleHref, owner, enrollmentId, attempt: paper } = useLoaderData<typeof loader>();
  const actionOutcome = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useI18n();
  const hydrated = useHydrated();
  const [attempt, setAttempt] = useState(paper);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const translate = useRef(t);
  translate.current = t;
  const outcome = phase.kind === 'graded' ? phase.outcome : actionOutcome;
  const questions = inLayout(quiz.questions, outcome?.layout);
  const backText = back === '/my/classes' ? t('learning.quiz.backToClasses') : t('learning.quiz.backToProgress');

  // A fresh id and opening time for this paper, also when the page came from the phone's store.
  useEffect(() => setAttempt({ id: randomUuid(), startedAt: new Date().toISOString() }), []);

  useEffect(() => {
    const mine = () => readPendingQuizAttempts().find((a) => a.assessmentId === quiz.id && a.owner === owner);
    const stop = onQuizFlush((o) => {
      const graded = o.graded.find((g) => g.attempt.assessmentId === quiz.id && g.attempt.owner === owner);
      if (graded) {
        setPhase({
          kind: 'graded',
          outcome: {
            kind: 'result',
            layout: graded.attempt.layout,
            chosen: graded.attempt.answers,
            result: graded.result,
            certificateCode: graded.certificateCode,
          },
        });
        return;
      }
      const dropped = o.dropped.find((d) => d.attempt.assessmentId === quiz.id && d.attempt.owner === owner);
      if (dropped) {
        setPhase({ kind: 'refused', message: dropped.message ?? translate.current('common.error.VALIDATION_FAILED') });
        setAttempt({ id: randomUuid(), startedAt: new Date().toISOString() });
        return;
      }
      const still = mine();
      if (still)
        setPhase({
          kind: 'waiting',
          attempt: still,
          note: o.signedOut ? 'signedOut' : o.otherAccount ? 'otherAccount' : o.unreachable ? 'stillWaiting' : null,
        });
    });
    // An attempt of hers at this quiz already waits on the phone: say so, and try to hand it in.
    const waiting = mine();
    if (waiting) {
      setPhase({ kind: 'waiting', attempt: waiting, note: null });
      void flushPendingQuizAttempts();
    }
    const onOnline = () => void flushPendingQuizAttempts();
    window.addEventListener('online', onOnline);
    // navigator.onLine is often wrong on a weak signal, so the timer tries whatever it says.
    const timer = window.setInterval(() => {
      if (mine()) void flushPendingQuizAttempts();
    }, RETRY_MS);
    return () => {
      stop();
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [quiz.id, owner]);

  /** With JavaScript the attempt is kept on the phone first, then handed in: no signal loses nothing. */
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    const layout = questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.index) }));
    const answers = Object.fromEntries(layout.map((q) => [q.id, [...new Set(form.getAll(`q-${q.id}`).map(Number))].filter((n) => q.options.includes(n))]));
    const missing = layout.filter((q) => answers[q.id].length === 0).length;
    if (missing > 0) {
      // With signal the server names the questions left (as without JavaScript).
      if (navigator.onLine) return;
      event.preventDefault();
      setPhase({ kind: 'unanswered', n: missing });
      return;
    }
    const pending: PendingQuizAttempt = {
      attemptId: attempt.id,
      assessmentId: quiz.id,
      enrollmentId,
      owner,
      answers,
      layout,
      startedAt: attempt.startedAt,
      submittedAt: new Date().toISOString(),
    };
    try {
      keepQuizAttempt(pending);
    } catch {
      return; // The phone keeps nothing (storage full or off): the form posts as without JavaScript.
    }
    event.preventDefault();
    setPhase({ kind: 'sending' });
    void flushPendingQuizAttempts();
  };

  if (outcome?.kind === 'result')
    return <QuizResult title={quiz.title} questions={questions} outcome={outcome} back={back} backText={backText} retry={formAction} large={large} />;

  const closed = quiz.kind !== 'quiz' || quiz.passed || quiz.attemptsLeft === 0 || quiz.questions.length === 0;
  const waiting = phase.kind === 'waiting' ? phase : null;
  const clientErrors =
    phase.kind === 'refused'
      ? { form: phase.message, fields: {} }
      : phase.kind === 'unanswered'
        ? { form: t('learning.offlineQuiz.unansweredOffline', { n: phase.n }), fields: {} }
        : undefined;
  const handedIn = waiting
    ? new Date(waiting.attempt.submittedAt).toLocaleString(locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : '';
  return (
    <article className={`stack${large ? ' text-large' : ''}`}>
      <p>
        <Link to={back}>{backText}</Link>
      </p>
      <header className="stack-tight">
        <h1>{quiz.title}</h1>
        {quiz.kind === 'quiz' && quiz.questions.length > 0 ? (
          <>
            <p>{t('learning.quiz.rules', { n: quiz.questions.length, pass: quiz.passMark })}</p>
            {quiz.attemptsLeft === null ? (
              <p>{t('learning.quiz.unlimited')}</p>
            ) : quiz.attemptsLeft > 0 ? (
              <p>{t('learning.quiz.attemptsLeft', { n: quiz.attemptsLeft })}</p>
            ) : null}
          </>
        ) : null}
      </header>
      {quiz.kind !== 'quiz' ? (
        <div className="notice">
          <p>{t('learning.quiz.practical')}</p>
        </div>
      ) : quiz.passed ? (
        <div className="notice notice-success">
          <p>{t('learning.quiz.alreadyPassed', { score: quiz.bestScore ?? quiz.passMark })}</p>
        </div>
      ) : quiz.attemptsLeft === 0 ? (
        <div className="alert">
          <p>{t('learning.quiz.noAttemptsLeft', { n: quiz.maxAttempts ?? 0 })}</p>
        </div>
      ) : quiz.questions.length === 0 ? (
        <p>{t('learning.quiz.noQuestions')}</p>
      ) : quiz.bestScore !== null ? (
        <p className="hint">{t('learning.quiz.best', { score: quiz.bestScore })}</p>
      ) : null}

      {waiting ? (
        <div className="notice notice-warning stack-tight" role="status" aria-live="polite">
          <p>
            <strong>{t('learning.offlineQuiz.waiting')}</strong>
          </p>
          <p>{t('learning.offlineQuiz.waitingHint', { time: handedIn })}</p>
          {waiting.note ? <p>{t(`learning.offlineQuiz.${waiting.note}`)}</p> : null}
          <p>
            <button type="button" className="button button-secondary" onClick={() => void flushPendingQuizAttempts()}>
              {t('learning.offlineQuiz.tryNow')}
            </button>
          </p>
        </div>
      ) : closed ? null : (
        <>
          {outcome ? null : (
            <p className="reading-tools">
              {/* A plain link before she starts (it reloads the paper): works without JavaScript, and is remembered. */}
              <Link to={toggleHref} className="button button-secondary" replace>
                <span aria-hidden="true">{large ? 'A ' : 'A+ '}</span>
                {large ? t('learning.text.normal') : t('learning.text.larger')}
              </Link>
            </p>
          )}
          <FormAlert errors={clientErrors ?? outcome?.errors} />
          <Form
            method="post"
            action={formAction}
            className="stack"
            noValidate
            onSubmit={hydrated ? onSubmit : undefined}
            data-keeps-offline={hydrated ? 'true' : undefined}
          >
            <input type="hidden" name="attemptId" value={attempt.id} />
            <input type="hidden" name="startedAt" value={attempt.startedAt} />
            {questions.map((q, i) => {
              const unanswered = outcome?.missing.includes(q.id) ?? false;
              const multiple = q.kind === 'multiple';
              const picked = outcome?.chosen[q.id] ?? [];
              return (
                <fieldset
                  key={q.id}
                  id={`field-q-${q.id}`}
                  className={`quiz-question${unanswered ? ' quiz-question-missing' : ''}`}
                  aria-describedby={unanswered ? `q-${q.id}-error` : undefined}
                >
                  <legend>
                    <span className="quiz-number">
                      {t('learning.quiz.questionN', { n: i + 1 })} · {t(`learning.quiz.kind.${q.kind}`)}
                    </span>
                    <span className="quiz-prompt">{q.prompt}</span>
                  </legend>
                  <ReadAloud label={t('learning.readAloud.question', { n: i + 1 })} text={[q.prompt, ...q.options.map((o) => o.text)].join('\n')} />
                  {unanswered ? (
                    <p id={`q-${q.id}-error`} className="field-error">
                      {t('learning.quiz.unansweredHere')}
                    </p>
                  ) : null}
                  <div className="quiz-options">
                    {q.options.map((o) => (
                      <label key={o.index} className="choice-card">
                        <input type={multiple ? 'checkbox' : 'radio'} name={`q-${q.id}`} value={o.index} defaultChecked={picked.includes(o.index)} />
                        <span>{o.text}</span>
                      </label>
                    ))}
                  </div>
                  <input type="hidden" name="layout" value={`${q.id}:${q.options.map((o) => o.index).join(',')}`} />
                </fieldset>
              );
            })}
            <button type="submit" className="button button-primary button-block" disabled={navigation.state !== 'idle' || phase.kind === 'sending'}>
              {phase.kind === 'sending' ? t('learning.offlineQuiz.sending') : t('learning.quiz.submit')}
            </button>
          </Form>
        </>
      )}
    </article>
  );
}

type ResultOutcome = Extract<Outcome, { kind: 'result' }>;

interface ResultProps {
  title: string;
  questions: Question[];
  outcome: ResultOutcome;
  back: string;
  backText: string;
  /** This quiz's address, to take it again. */
  retry: string;
  large: boolean;
}

function QuizResult({ title, questions, outcome, back, backText, retry, large }: ResultProps) {
  const { t } = useI18n();
  const { result, chosen, certificateCode } = outcome;
  const byId = new Map(result.results.map((r) => [r.questionId, r]));
  const right = result.results.filter((r) => r.correct).length;
  const texts = (q: Question, indexes: number[]) =>
    q.options
      .filter((o) => indexes.includes(o.index))
      .map((o) => o.text)
      .join(t('common.list.separator'));
  return (
    <article className={`stack${large ? ' text-large' : ''}`}>
      <p>
        <Link to={back}>{backText}</Link>
      </p>
      <h1>{title}</h1>
      <section className={`verdict verdict-${result.passed ? 'ready' : 'not_ready'}`} aria-labelledby="quiz-result">
        <h2 id="quiz-result" className="visually-hidden">
          {t('learning.quiz.result.heading')}
        </h2>
        <p className="verdict-word">{result.passed ? t('learning.quiz.result.passed') : t('learning.quiz.result.failed')}</p>
        <p className="quiz-score">{t('learning.quiz.result.score', { score: result.score })}</p>
        <p>{t('learning.quiz.result.summary', { right, total: result.results.length, pass: result.passMark })}</p>
      </section>

      {result.certificateIssued ? (
        <div className="notice notice-success" role="status">
          <p>
            <strong>{t('learning.quiz.result.certificate')}</strong>
          </p>
          <p>
            <Link to={certificateCode ? `/my/certificates/${certificateCode}` : '/my/certificates'} className="button button-primary">
              {t('learning.quiz.result.seeCertificate')}
            </Link>
          </p>
        </div>
      ) : null}

      {!result.passed ? (
        result.attemptsLeft === 0 ? (
          <div className="alert">
            <p>{t('learning.quiz.attemptsUsedUp')}</p>
          </div>
        ) : (
          <div className="stack-tight">
            {result.attemptsLeft !== null ? <p>{t('learning.quiz.attemptsLeft', { n: result.attemptsLeft })}</p> : null}
            <p>
              {/* A fresh GET: a newly shuffled paper. */}
              <Link to={retry} reloadDocument className="button button-secondary">
                {t('learning.quiz.result.tryAgain')}
              </Link>
            </p>
          </div>
        )
      ) : null}

      <section className="stack" aria-labelledby="review">
        <h2 id="review">{t('learning.quiz.result.review')}</h2>
        <ol className="quiz-results">
          {questions.map((q, i) => {
            const r = byId.get(q.id);
            if (!r) return null;
            const mine = chosen[q.id] ?? [];
            return (
              <li key={q.id} className={`quiz-result${r.correct ? '' : ' quiz-result-wrong'}`}>
                <p className="quiz-number">{t('learning.quiz.questionN', { n: i + 1 })}</p>
                <p>{q.prompt}</p>
                <p className="quiz-mark">
                  <span aria-hidden="true">{r.correct ? '✓ ' : '✕ '}</span>
                  <span>{r.correct ? t('learning.quiz.result.right') : t('learning.quiz.result.wrong')}</span>
                </p>
                <p>{t('learning.quiz.result.yourAnswer', { answer: mine.length > 0 ? texts(q, mine) : t('learning.quiz.result.noAnswer') })}</p>
                {r.correct ? null : (
                  <p>
                    <strong>{t('learning.quiz.result.correctAnswer', { answer: texts(q, r.correctOptions) })}</strong>
                  </p>
                )}
                {r.explanation ? <p className="hint">{t('learning.quiz.result.explanation', { text: r.explanation })}</p> : null}
              </li>
            );
          })}
        </ol>
      </section>
      <p>
        <Link to={back} className="button button-secondary">
          {backText}
        </Link>
      </p>
    </article>
  );
}

/** Its Cache-Control (and any other header its loader or action sets) reaches the page. */
export const headers = routeHeaders;
