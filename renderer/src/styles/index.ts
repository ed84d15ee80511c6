// The stylesheets, imported from TS so Vite emits one CSS file ('self' in the CSP; no inline
// <style>).
import './tokens.css';
import './base.css';
import './buttons-fields.css';
import './pills-alerts.css';
import './layout.css';
import './grid.css';
import './grid-columns.css';
import './details.css';
import './dialogs.css';
import './rotation.css';
import './screens.css';
import './accounts.css';
import './activity.css';
import './locations.css';
import './verify-bar.css';
import './data-menu.css';
