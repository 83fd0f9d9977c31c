import PalisadeCore

/// OPA's network builtins: `http.send` and AWS request signing
/// (`providers.aws.sign_req`).
enum HTTPBuiltins {
    static var all: [Builtin] {
        [HTTPSendBuiltin.builtin, AWSSignRequestBuiltin.builtin]
    }
}
