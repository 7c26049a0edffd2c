/**
 * `npm run admin:create -- <username> [display name]`: an admin account from
 * the server's console, for a station started without the demo (DEMO_SEED=0)
 * (docs/SECURITY.md, docs/DEPLOY.md). The password is read from standard input
 * (one line, so it never appears in the shell's history or the process list),
 * must meet the password policy, and must be changed at the first login.
 */
import { createInterface } from "node:readline";
import { readConfig } from "../config.ts";
import { createConsoleAdmin } from "../services/privacy-and-accounts/admin-accounts.ts";
import { openDatabase } from "../store/prisma.ts";

const PROBLEMS: Record<string, string> = {
  "password.tooShort": "密码至少 10 位 / the password needs at least 10 characters",
  "password.fewKinds": "密码须含大写字母、小写字母、数字、符号中的至少三类 / use at least three of: upper case, lower case, digits, symbols",
  "password.hasUsername": "密码不能包含用户名 / the password must not contain the user name",
  "password.common": "密码过于常见 / the password is too common",
  "username.invalid": "用户名只能用字母、数字和 . _ -（2–50 位）/ user names use letters, digits, . _ - (2–50)",
  "username.taken": "用户名已存在 / the user name is taken",
};

const [username, ...nameParts] = process.argv.slice(2);
if (!username) {
  console.error("usage: npm run admin:create -- <username> [display name]   (password on standard input)");
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("初始密码 / initial password: ");
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

const password = await readPassword();
const config = readConfig(process.env);
const db = await openDatabase(config.databaseUrl);
try {
  const result = await createConsoleAdmin(db, { username, displayName: nameParts.join(" "), password }, new Date());
  if ("problem" in result) {
    console.error(PROBLEMS[result.problem] ?? result.problem);
    process.exitCode = 1;
  } else {
    console.log(`管理员 ${username} 已创建；首次登录时须修改密码 / admin ${username} created; the password must be changed at the first login`);
  }
} finally {
  await db.$disconnect();
}
