// HTTP routes for reports: CSV exports and printable certificates (being written).
import { Router } from 'express';
import type { Services } from '../graphql/context';

export function reportsRouter(_services: Services): Router {
  return Router();
}
