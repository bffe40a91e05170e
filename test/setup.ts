// Loaded before every test file: an unexpected console.error fails the run, so that errors
// swallowed by the code under test do not pass unnoticed.
const errors: string[] = [];
const original = console.error.bind(console);
console.error = (...args: unknown[]) => {
  errors.push(args.map(String).join(' '));
  original(...args);
};
process.on('exit', () => {
  if (errors.length > 0) {
    original(`\n${errors.length} unexpected console.error call(s) during the tests`);
    process.exitCode = 1;
  }
});
