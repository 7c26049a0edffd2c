/**
 * Has the voter asked this page to read aloud? Then the page may speak on its
 * own later ("轮到您了" when called). In memory only: a browser lets a page
 * speak only after a gesture on it, so a reload asks again (docs/ARCHITECTURE.md §7b).
 */
import { create } from "zustand";

export const useReadAloud = create<{ used: boolean }>()(() => ({ used: false }));

export const markReadAloudUsed = () => useReadAloud.setState({ used: true });
export const forgetReadAloud = () => useReadAloud.setState({ used: false });
