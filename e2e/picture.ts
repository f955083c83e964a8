// The home page picture: what it must show, and whether it is drawn completely (every layer
// fully opaque and in place, i.e. no animation left to run).
import type { Page } from "@playwright/test";

export const PICTURE_LAYERS = [
  "Containers", "Container 1", "Container 2", "App", "Libraries", "Container runtime", "Shared host kernel", "Hardware",
  "Virtual machines", "VM 1", "VM 2", "Guest kernel", "Hypervisor",
] as const;

export const picture = (page: Page) => page.getByRole("figure", { name: /share the host’s kernel/ });

export interface LayerState {
  readonly label: string;
  /** Product of the opacities from the label up to the figure. */
  readonly opacity: number;
  /** True when no element between the label and the figure is transformed. */
  readonly inPlace: boolean;
}

/** The drawn state of every element of the picture that shows one of PICTURE_LAYERS. */
export async function pictureState(page: Page): Promise<LayerState[]> {
  return picture(page).evaluate((figure, labels) => {
    const wanted = new Set<string>(labels);
    const states: LayerState[] = [];
    const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const label = node.textContent?.trim() ?? "";
      if (!wanted.has(label) || !node.parentElement) continue;
      let opacity = 1;
      let inPlace = true;
      for (let el: Element | null = node.parentElement; el && el !== figure; el = el.parentElement) {
        const style = getComputedStyle(el);
        opacity *= Number(style.opacity);
        if (style.transform !== "none" && style.transform !== "matrix(1, 0, 0, 1, 0, 0)") inPlace = false;
      }
      states.push({ label, opacity, inPlace });
    }
    return states;
  }, [...PICTURE_LAYERS]);
}

/** True when every layer of PICTURE_LAYERS is present, opaque and in place. */
export async function pictureComplete(page: Page): Promise<boolean> {
  const states = await pictureState(page);
  const shown = new Set(states.filter((s) => s.opacity === 1 && s.inPlace).map((s) => s.label));
  return states.every((s) => s.opacity === 1 && s.inPlace) && PICTURE_LAYERS.every((l) => shown.has(l));
}
