export function SimulatePage() {
  return <h1>Simulate retry policies</h1>;
}
