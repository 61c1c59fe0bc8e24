// Types of the `virtual:pwa-register` module that vite-plugin-pwa provides (used by UpdatePrompt.svelte).
/// <reference types="vite-plugin-pwa/vanillajs" />
