/** Steps every GUI test starts with: open the app, unlock the seeded workstation, log in. */
import type { Gui } from './harness.js';
import { PASSPHRASE, PASSWORD } from './seed.js';

export async function unlockAndLogin(gui: Gui, username: string, route = '/'): Promise<void> {
  const { page } = gui;
  await gui.open(route);
  await page.getByTestId('passphrase').fill(PASSPHRASE);
  await page.getByTestId('open').click();
  await loginAs(gui, username);
}

/** From the login form (or after 退出登录): log in and wait for the shell. */
export async function loginAs(gui: Gui, username: string): Promise<void> {
  const { page } = gui;
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('login').click();
  await page.getByTestId('current-user').waitFor();
}

/**
 * From the login form: log in with a one-time password and set PASSWORD, as the first login forces.
 * `filled` runs once the form is filled, before it is sent (a screenshot of the login screen).
 */
export async function firstLogin(gui: Gui, username: string, oneTime: string, filled?: () => Promise<unknown>): Promise<void> {
  const { page } = gui;
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(oneTime);
  await filled?.();
  await page.getByTestId('login').click();
  await page.getByText('首次登录须先修改口令').waitFor();
  await page.getByTestId('current-password').fill(oneTime);
  await page.getByTestId('new-password').fill(PASSWORD);
  await page.getByTestId('confirm-password').fill(PASSWORD);
  await page.getByTestId('change-password').click();
  await page.getByTestId('current-user').waitFor();
}
