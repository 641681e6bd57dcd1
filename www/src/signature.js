// The signature panel: raw body (the editor's text, or a loaded file's exact bytes), the
// X-Hub-Signature header and the secret in; verdict and reason out. Everything is computed by
// the package's wasm (HMAC in Rust): no request is made, the secret never leaves the page.

const REASON_TEXT = {
  missing_header: 'No header given',
  malformed_header: 'Malformed header',
  unsupported_algorithm: 'Unsupported algorithm',
  no_secret: 'No secret given',
  digest_mismatch: 'Digest mismatch',
  secret_whitespace: 'Secret has leading or trailing whitespace',
  body_not_raw: 'Body is not raw',
};

export class SignaturePanel {
  /** @param api the package's exports; @param getBody () => string | Uint8Array */
  constructor(root, api, getBody) {
    this.api = api;
    this.getBody = getBody;
    this.form = root.querySelector('#sig-form');
    this.header = root.querySelector('#sig-header');
    this.secret = root.querySelector('#sig-secret');
    this.show = root.querySelector('#sig-show');
    this.sign = root.querySelector('#sig-sign');
    this.out = root.querySelector('#sig-verdict');
    this.bytes = root.querySelector('#sig-bytes');
    this.checked = false; // re-verify live once the user has asked for a verdict

    const supported = typeof api.verifySignature === 'function' && typeof api.signPayload === 'function';
    if (!supported) {
      for (const el of this.form.elements) el.disabled = true;
      this.say('bad', 'This build of the package has no signature functions.');
      return;
    }
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.checked = true;
      this.verify();
    });
    this.sign.addEventListener('click', () => this.signBody());
    this.show.addEventListener('change', () => (this.secret.type = this.show.checked ? 'text' : 'password'));
    for (const el of [this.header, this.secret]) el.addEventListener('input', () => this.checked && this.verify());
  }

  /** Called when the body changes: updates the byte count and any verdict on display. */
  bodyChanged() {
    const body = this.getBody();
    this.bytes.textContent = String(typeof body === 'string' ? new TextEncoder().encode(body).length : body.length);
    if (this.checked) this.verify();
  }

  verify() {
    const r = this.api.verifySignature(this.getBody(), this.header.value, this.secret.value);
    if (r.valid) {
      const alg = r.algorithm ? ` (${r.algorithm.toUpperCase() === 'SHA1' ? 'HMAC-SHA1' : 'HMAC-SHA256'})` : '';
      this.say('ok', `✓ Valid signature${alg}: this body was signed with this secret.`);
    } else {
      const line = document.createElement('span');
      const code = document.createElement('code');
      code.textContent = r.reason;
      line.append('✗ Invalid: ', REASON_TEXT[r.reason] || 'Rejected', ' (', code, ')');
      if (r.message) line.append(document.createElement('br'), r.message);
      this.say('bad', line);
    }
    this.out.dataset.reason = r.valid ? 'valid' : r.reason;
    return r;
  }

  signBody() {
    if (!this.secret.value) {
      this.say('bad', 'Enter a secret to sign with.');
      this.secret.focus();
      return;
    }
    this.header.value = this.api.signPayload(this.getBody(), this.secret.value);
    this.checked = true;
    this.verify();
    this.header.select();
  }

  say(kind, content) {
    this.out.className = `sig-verdict ${kind}`;
    this.out.textContent = '';
    this.out.append(content);
  }
}
