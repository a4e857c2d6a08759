export async function f() {
  const response = await fetch("http://169.254.169.254/latest/meta-data/");
  return response.text();
}
