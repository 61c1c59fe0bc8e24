// Entry point: mounts the composition root.
import { mount } from 'svelte';
import 'leaflet/dist/leaflet.css';
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('atlas: #app element missing from index.html');
mount(App, { target });
