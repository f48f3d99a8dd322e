import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';

/** The phone's own voice for a language ("zh-CN" → any zh voice), or null when it has none. */
function voiceFor(lang: string): SpeechSynthesisVoice | null {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return null;
  const voices = window.speechSynthesis.getVoices();
  const wanted = lang.toLowerCase();
  const base = wanted.split('-')[0];
  const norm = (v: SpeechSynthesisVoice) => (v.lang || '').toLowerCase().replace('_', '-');
  return voices.find((v) => norm(v) === wanted) ?? voices.find((v) => norm(v).split('-')[0] === base) ?? null;
}

/** Long text in sentence-sized pieces: some voices stop after about 15 seconds of one utterance. */
function pieces(text: string): string[] {
  return text
    .split(/(?<=[。！？!?；;\n])/)
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((s) => (s.length > 200 ? (s.match(/[\s\S]{1,200}/g) ?? []) : [s]));
}

/**
 * A button that reads `prefix` (a title) and `text` (or `targetId`'s text) aloud with the browser's own speech synthesis: no server,
 * works offline where the phone has a voice for the page's language. Progressive enhancement: it is
 * not in the server's HTML (nothing without JavaScript), and stays hidden where the browser has no
 * speechSynthesis or no voice for the language.
 */
export function ReadAloud({
  targetId,
  text: given,
  prefix,
  label,
  className,
}: {
  targetId?: string;
  text?: string;
  prefix?: string;
  label: string;
  className?: string;
}) {
  const { locale, t } = useI18n();
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  const [speaking, setSpeaking] = useState(false);
  const mine = useRef(false);

  useEffect(() => {
    if (!('speechSynthesis' in window)) return;
    const synth = window.speechSynthesis;
    const pick = () => setVoice(voiceFor(locale));
    pick();
    // Voices load asynchronously on many browsers.
    synth.addEventListener?.('voiceschanged', pick);
    return () => {
      synth.removeEventListener?.('voiceschanged', pick);
      if (mine.current) synth.cancel();
    };
  }, [locale]);

  if (!voice) return null;

  const toggle = () => {
    const synth = window.speechSynthesis;
    synth.cancel();
    if (speaking) {
      setSpeaking(false);
      mine.current = false;
      return;
    }
    const body = given ?? (targetId ? (document.getElementById(targetId)?.innerText ?? '') : '');
    const text = `${prefix ? `${prefix}。\n` : ''}${body}`;
    const parts = pieces(text);
    if (parts.length === 0) return;
    mine.current = true;
    setSpeaking(true);
    parts.forEach((part, i) => {
      const u = new SpeechSynthesisUtterance(part);
      u.lang = voice.lang || locale;
      u.voice = voice;
      u.rate = 0.9;
      if (i === parts.length - 1) {
        u.onend = () => setSpeaking(false);
        u.onerror = () => setSpeaking(false);
      }
      synth.speak(u);
    });
  };

  return (
    <button type="button" className={`button button-secondary read-aloud${className ? ` ${className}` : ''}`} onClick={toggle}>
      <span aria-hidden="true">{speaking ? '■ ' : '🔊 '}</span>
      {speaking ? t('learning.readAloud.stop') : label}
    </button>
  );
}
