"use client";

import { MediaDeviceFailure } from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";

/** Why the microphone could not start, in the cases the page explains. */
export type MicrophoneProblem = "denied" | "notFound" | "inUse" | "other";

export type MicrophoneState =
  | { status: "starting" }
  | { status: "ready"; deviceId: string | undefined }
  | { status: "failed"; problem: MicrophoneProblem };

export function classifyMicrophoneError(error: unknown): MicrophoneProblem {
  switch (MediaDeviceFailure.getFailure(error)) {
    case MediaDeviceFailure.PermissionDenied:
      return "denied";
    case MediaDeviceFailure.NotFound:
      return "notFound";
    case MediaDeviceFailure.DeviceInUse:
      return "inUse";
    default:
      return "other";
  }
}

/** 0–100 from a block of samples: RMS on a 60 dB scale, so speech fills the meter and silence leaves it near 0. */
export function levelOf(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  const db = 20 * Math.log10(Math.max(rms, 1e-6));
  return Math.round(Math.min(100, Math.max(0, ((db + 60) / 60) * 100)));
}

const LEVEL_EVERY_MS = 100;

/**
 * The microphone for the device check: asks for it (the permission prompt), lists the inputs
 * once labels are readable, measures the input level with a Web Audio analyser, and lets go of
 * the device when the check is over so the room can open its own.
 */
export function useMicrophone() {
  const [state, setState] = useState<MicrophoneState>({ status: "starting" });
  const [level, setLevel] = useState(0);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [attempt, setAttempt] = useState<{ deviceId?: string; n: number }>({ n: 0 });
  const stopRef = useRef<() => void>(() => {});

  useEffect(() => {
    let cancelled = false;
    let stream: MediaStream | undefined;
    let context: AudioContext | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = () => {
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
      void context?.close().catch(() => {});
      stream = undefined;
      context = undefined;
    };
    stopRef.current = stop;

    (async () => {
      try {
        const audio: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, ...(attempt.deviceId ? { deviceId: { exact: attempt.deviceId } } : {}) };
        stream = await navigator.mediaDevices.getUserMedia({ audio });
        if (cancelled) return stop();
        context = new AudioContext();
        const analyser = context.createAnalyser();
        analyser.fftSize = 1024;
        context.createMediaStreamSource(stream).connect(analyser);
        // Created after the candidate's click, so browsers let it run; resume() in case one waits.
        await context.resume().catch(() => {});
        const samples = new Float32Array(analyser.fftSize);
        timer = setInterval(() => {
          analyser.getFloatTimeDomainData(samples);
          // Rises at once, falls gently: short sounds stay visible long enough to be seen (and read).
          const next = levelOf(samples);
          setLevel((previous) => Math.max(next, Math.round(previous * 0.8)));
        }, LEVEL_EVERY_MS);
        const inputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === "audioinput" && d.deviceId);
        if (cancelled) return stop();
        setDevices(inputs);
        setState({ status: "ready", deviceId: stream.getAudioTracks()[0]?.getSettings().deviceId ?? attempt.deviceId });
      } catch (error) {
        stop();
        if (!cancelled) setState({ status: "failed", problem: classifyMicrophoneError(error) });
      }
    })();
    return () => {
      cancelled = true;
      stop();
    };
  }, [attempt]);

  // A headset plugged in or out during the check shows up in the list.
  useEffect(() => {
    const md = typeof navigator === "undefined" ? undefined : navigator.mediaDevices;
    if (!md?.addEventListener || state.status !== "ready") return;
    const refresh = () => void md.enumerateDevices().then((all) => setDevices(all.filter((d) => d.kind === "audioinput" && d.deviceId)));
    md.addEventListener("devicechange", refresh);
    return () => md.removeEventListener("devicechange", refresh);
  }, [state.status]);

  const retry = useCallback(() => {
    setState({ status: "starting" });
    setLevel(0);
    setAttempt((a) => ({ deviceId: a.deviceId, n: a.n + 1 }));
  }, []);
  const choose = useCallback((deviceId: string) => {
    setState({ status: "starting" });
    setAttempt((a) => ({ deviceId, n: a.n + 1 }));
  }, []);
  const release = useCallback(() => stopRef.current(), []);

  return { state, level, devices, retry, choose, release };
}
