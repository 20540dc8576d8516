import { freshMysqlDatabase, freshPostgresDatabase } from '../helpers/service-databases.js';
import { storeScenarios } from '../store/store-scenarios.js';

storeScenarios({ name: 'MariaDB', fresh: freshMysqlDatabase });

storeScenarios({ name: 'PostgreSQL', fresh: freshPostgresDatabase });
