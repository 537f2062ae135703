import type { Config } from '../../config.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { type SimulatedProvider, simulatedProvider } from './simulated-provider.ts';

/**
 * The provider PAYMENT_PROVIDER names (only `simulated` today), signing with PAYMENT_SIGNING_SECRET, and its
 * simulator page's provider when it is the simulated one (the module that takes payments registers the page).
 */
export function paymentProviderOf(
  config: Pick<Config, 'paymentProvider' | 'paymentSigningSecret' | 'publicBaseUrl'>,
): { provider: PaymentProvider; simulator: SimulatedProvider | null } {
  switch (config.paymentProvider) {
    case 'simulated': {
      const simulator = simulatedProvider({
        secret: config.paymentSigningSecret,
        publicBaseUrl: config.publicBaseUrl,
      });
      return { provider: simulator, simulator };
    }
  }
}
