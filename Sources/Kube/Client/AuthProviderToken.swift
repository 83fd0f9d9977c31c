/// The bearer token of a legacy kubeconfig `auth-provider`. Only `oidc` can
/// be used without running provider-specific code: client-go sends its
/// `id-token` as the bearer token (refreshing it is left to kubectl/kubelogin).
enum AuthProviderToken {
    static func token(_ provider: Kubeconfig.AuthProvider) throws -> String {
        if provider.name == "oidc", let token = provider.config["id-token"], !token.isEmpty {
            return token
        }
        throw KubeAPIError.configuration(
            "auth-provider '\(provider.name)' is not supported (only oidc with an id-token); use an exec credential plugin or a token")
    }
}
