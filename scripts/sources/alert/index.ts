import type { Alert } from '../../model/schemas/alert.ts';
import type { Source } from '../types.ts';
import { discoverAlertFiles } from './discover-alerts.ts';
import { parseRuleFile } from './parse-rule-file.ts';

/** Prometheus alerting rules. */
export const alertSource: Source<Alert> = {
  kind: 'alert',
  discover: discoverAlertFiles,
  parse: parseRuleFile,
};
