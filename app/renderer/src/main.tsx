/** Entry of the renderer. `./csp.js` comes first: it prepares zod and styles for the CSP. */
import { nonce } from './csp.js';
import './app.css';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root.js';

const container = document.getElementById('root');
if (container) createRoot(container).render(<Root nonce={nonce} />);
