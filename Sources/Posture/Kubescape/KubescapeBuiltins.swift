import PalisadeCore
import Rego

/// Functions Kubescape registers on top of OPA's builtins.
///
/// The regolibrary rules otherwise call only OPA builtins (sprintf, count,
/// object.get, json.filter, yaml.unmarshal, semver.compare, ...), which
/// Palisade's Rego engine provides.
///
/// Kubescape also registers `cosign.verify` and `cosign.has_signature`; they
/// fetch signatures from an image registry and are not provided here, so a
/// rule calling them fails to compile with an unknown-function error.
public enum KubescapeBuiltins {
    public static var all: [Builtin] { [parseNormalizedName] }

    /// `image.parse_normalized_name(image)`: the fully qualified image
    /// reference, e.g. `nginx:1.25` → `docker.io/library/nginx:1.25`.
    static var parseNormalizedName: Builtin {
        Builtin("image.parse_normalized_name", arity: 1) { args, _ in
            let image = try args.string(0)
            do {
                return .string(try KubescapeImageName.normalize(image))
            } catch let error as KubescapeError {
                throw BuiltinError(.builtin, "image.parse_normalized_name: \(error.message)")
            }
        }
    }
}
