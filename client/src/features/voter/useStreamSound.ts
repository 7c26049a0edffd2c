/**
 * The stream's sound: browsers only autoplay muted, so the player starts
 * muted and offers one large "turn the sound on" control. The voter's choice
 * lives in stores/stream-player.ts, so it survives the player being rebuilt
 * (an encoder that drops and comes back) and a call, which mutes the stream
 * while it lasts.
 */
import { useCallback, useEffect, useState, type RefObject } from "react";
import { usePlayerStore } from "../../stores/stream-player.ts";

export interface StreamSound {
  /** the video is muted by the voter's choice or the browser's autoplay rule, not by a call */
  offerUnmute: boolean;
  turnSoundOn(): void;
}

export function useStreamSound(videoRef: RefObject<HTMLVideoElement | null>, src: string): StreamSound {
  const soundOn = usePlayerStore((s) => s.soundOn);
  const mutedForCall = usePlayerStore((s) => s.mutedForCall);
  const [videoMuted, setVideoMuted] = useState(true);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const onVolume = () => {
      setVideoMuted(video.muted);
      // The native controls' mute button is a choice too; a call's mute is not.
      const store = usePlayerStore.getState();
      if (!store.mutedForCall && store.soundOn === video.muted) store.setSoundOn(!video.muted);
    };
    video.addEventListener("volumechange", onVolume);
    return () => video.removeEventListener("volumechange", onVolume);
  }, [videoRef, src]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.muted = mutedForCall || !soundOn;
    setVideoMuted(video.muted);
  }, [videoRef, src, soundOn, mutedForCall]);

  const turnSoundOn = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    // Inside the tap's handler: the one moment every browser allows sound.
    video.muted = false;
    usePlayerStore.getState().setSoundOn(true);
    if (video.paused) void video.play().catch(() => undefined);
  }, [videoRef]);

  return { offerUnmute: videoMuted && !mutedForCall, turnSoundOn };
}
