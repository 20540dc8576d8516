import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll } from 'vitest';

// The servers the services machine runs: MariaDB as root without a password, PostgreSQL with trust auth.
const MYSQL = process.env.LANTERN_TEST_MYSQL ?? 'mysql://root@127.0.0.1:3306';
const POSTGRES = process.env.LANTERN_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432';

const made = { mysql: [] as string[], postgres: [] as string[] };
const freshName = () => `lantern_test_${randomBytes(6).toString('hex')}`;

async function withMysql<T>(work: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const connection = await mysql.createConnection(MYSQL);
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

async function withPostgres<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${POSTGRES}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  const mysqlNames = made.mysql.splice(0);
  const postgresNames = made.postgres.splice(0);
  if (mysqlNames.length > 0) await withMysql(async (connection) => {
    for (const name of mysqlNames) await connection.query(`drop database if exists \`${name}\``);
  });
  if (postgresNames.length > 0) await withPostgres(async (client) => {
    for (const name of postgresNames) await client.query(`drop database if exists "${name}" with (force)`);
  });
});

/** A new, empty MariaDB database (dropped after the test file); its URL. */
export async function freshMysqlDatabase(): Promise<string> {
  const name = freshName();
  await withMysql((connection) => connection.query(`create database \`${name}\``));
  made.mysql.push(name);
  return `${MYSQL}/${name}`;
}

/** A new, empty PostgreSQL database whose server-side zone is not UTC (the store must not depend on it); its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  const name = freshName();
  await withPostgres(async (client) => {
    await client.query(`create database "${name}"`);
    await client.query(`alter database "${name}" set timezone = 'America/New_York'`);
  });
  made.postgres.push(name);
  return `${POSTGRES}/${name}`;
}
