/**
 * Test material generated once with OpenSSL 3 (never used outside tests):
 *   openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=kubernetes" -addext "subjectAltName=DNS:kubernetes" -days 36500
 *   openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/O=system:masters/O=ops team/CN=kubernetes-admin"
 */

/** Self-signed RSA 2048 CA, CN=kubernetes, valid until 2126. */
export const CA_PEM = `-----BEGIN CERTIFICATE-----
MIIDJDCCAgygAwIBAgIUY5lVZJuwEzVZjQ/1Ev+pVfLfTLowDQYJKoZIhvcNAQEL
BQAwFTETMBEGA1UEAwwKa3ViZXJuZXRlczAgFw0yNjExMjkwNDU5MDJaGA8yMTI2
MTEwNTA0NTkwMlowFTETMBEGA1UEAwwKa3ViZXJuZXRlczCCASIwDQYJKoZIhvcN
AQEBBQADggEPADCCAQoCggEBANUO4z/mfQ6aR0ndJfyZplwPO6AEbcfBnwLWpme6
8zpPbJ+BSNDD+ru318zQUFnnfYE1NwMRox/HjVA5nKMM2x0Wvknp/hcdrz9gy9iW
/onImlkKJeO9a7IvXXmF3rY1zhfgPA1JuWwa6ijgGWHN9CO9JzZw4SY1yLNUFDXa
XdnJCDIvHmguPNLk9ofXWpiBUS+YOa2WAwOsk4vTF8odJMKtuML35b0E+V+S+2/O
RKAn/cdPipZe8BWGxbvc/I01ciDlzEn6eN36VGNTgtmmG8n1WfSs32OuhCSO6kuJ
4nu4UFjEWxntsRXG7EXFyM9UVXd5j1qaxPPTffgbHU5xd/ECAwEAAaNqMGgwHQYD
VR0OBBYEFDgeBnaciZ0cG5GTI9obmv8b2CltMB8GA1UdIwQYMBaAFDgeBnaciZ0c
G5GTI9obmv8b2CltMA8GA1UdEwEB/wQFMAMBAf8wFQYDVR0RBA4wDIIKa3ViZXJu
ZXRlczANBgkqhkiG9w0BAQsFAAOCAQEABtwKq/wZ7VoSFyBsFSUdAuFeCna35JzI
RfeAiioi+p23NxAqzgOkcuiLSPz/7ImOkYPPpuvBqXkLQtUZgOPH02bRr6MBEQO3
v9RRvJ9mDIOeuRcn/5BlHu5gbIKeu0jaRdHyK/wADKgTz/LhEZvyNhYHrmGqUaNy
hIogTNkwPigXyLEf2RNnCjb60ZDB8zU/wDQh9KE/tpmpQzqJA5mSW1u+Excd+XyX
V5hx1ViEF+bcWX95ObvkU5xUJIi6R1aYvWbzIrACB7MpHUDhL7CUpF3vmUyGZxqu
HI3Gt8uJJqL38LyIgsd1G3M2hzicPHr0oCcrmqB+NuFGOwIpiaOjhA==
-----END CERTIFICATE-----
`;

/** PKCS#10 request: O=system:masters, O=ops team, CN=kubernetes-admin. */
export const ADMIN_CSR_PEM = `-----BEGIN CERTIFICATE REQUEST-----
MIIBATCBqQIBADBHMRcwFQYDVQQKDA5zeXN0ZW06bWFzdGVyczERMA8GA1UECgwI
b3BzIHRlYW0xGTAXBgNVBAMMEGt1YmVybmV0ZXMtYWRtaW4wWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAASmVLU34+zYWIrJ53MDppd92noU+dyUwRoFNKWhJnN1g9C4
C9U8Zk0IPstghqjzHfASCHCQ2kTSxK5gJo3URFLAoAAwCgYIKoZIzj0EAwIDRwAw
RAIgd8okXyABTmhD0MfL9neT7FUfAskTXKdjuY7L7ZJ5kqwCICpGw1yxdA1dnLBe
PrPYy6Lx036r9amQCuV35z2mTX/3
-----END CERTIFICATE REQUEST-----
`;

/** What the API stores in CertificateSigningRequest spec.request: base64 of the PEM. */
export const ADMIN_CSR_REQUEST = Buffer.from(ADMIN_CSR_PEM).toString('base64');
