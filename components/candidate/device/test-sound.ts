/** A short, soft two-note chime through the default output: the speaker test. */
export async function playTestSound(): Promise<void> {
  const context = new AudioContext();
  await context.resume().catch(() => {});
  const gain = context.createGain();
  gain.connect(context.destination);
  const start = context.currentTime + 0.05;
  for (const [i, frequency] of [660, 880].entries()) {
    const osc = context.createOscillator();
    osc.type = "sine";
    osc.frequency.value = frequency;
    osc.connect(gain);
    osc.start(start + i * 0.35);
    osc.stop(start + i * 0.35 + 0.3);
  }
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.05);
  gain.gain.setValueAtTime(0.25, start + 0.6);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.7);
  setTimeout(() => void context.close().catch(() => {}), 1000);
}
