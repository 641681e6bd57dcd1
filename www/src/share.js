// "Share": the payload travels in the URL fragment (after #), which browsers never send to a
// server. Deflate-compressed when the browser can (CompressionStream), base64url-encoded.
//   #z=<deflate-raw, base64url>[&lenient=1]   or   #p=<utf-8, base64url>[&lenient=1]

function toBase64Url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
async function pipe(bytes, stream) {
  const res = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await res.arrayBuffer());
}
const canCompress = typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** The fragment (without '#') that restores `text` and the lenient switch. */
export async function encodeFragment(text, lenient) {
  const utf8 = new TextEncoder().encode(text);
  let frag;
  if (canCompress) {
    try {
      frag = 'z=' + toBase64Url(await pipe(utf8, new CompressionStream('deflate-raw')));
    } catch {
      frag = null;
    }
  }
  if (!frag) frag = 'p=' + toBase64Url(utf8);
  return lenient ? `${frag}&lenient=1` : frag;
}

/** Reads a fragment made by encodeFragment; null when it holds no payload. Throws if corrupt. */
export async function decodeFragment(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const lenient = params.get('lenient') === '1';
  if (params.has('z')) {
    const bytes = await pipe(fromBase64Url(params.get('z')), new DecompressionStream('deflate-raw'));
    return { text: new TextDecoder().decode(bytes), lenient };
  }
  if (params.has('p')) return { text: new TextDecoder().decode(fromBase64Url(params.get('p'))), lenient };
  return null;
}
