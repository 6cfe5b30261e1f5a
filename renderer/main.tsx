import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ApiContext } from './api/apiContext.ts';
import { PlatformContext } from './api/platform.ts';
import { createApi } from './api/client.ts';
import { BridgeUnavailableError, connectBridge } from './api/connect.ts';
import { BridgeErrorScreen } from './components/BridgeErrorScreen.tsx';

// Dropping a file outside a drop zone must never make the window navigate to it.
for (const type of ['dragover', 'drop'] as const) {
  window.addEventListener(type, (event) => event.preventDefault());
}

const root = createRoot(document.getElementById('root')!);

try {
  const { bridge, platform } = await connectBridge();
  const api = createApi(bridge);
  root.render(
    <StrictMode>
      <ApiContext.Provider value={api}>
        <PlatformContext.Provider value={platform}>
          <App />
        </PlatformContext.Provider>
      </ApiContext.Provider>
    </StrictMode>,
  );
} catch (error) {
  const reason = error instanceof BridgeUnavailableError ? error.reason : 'refused';
  root.render(<BridgeErrorScreen reason={reason} />);
}
