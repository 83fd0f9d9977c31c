import XCTest

final class ControlsClusterOtherTests: XCTestCase {
    func testDeprecatedAPIVersions() {
        ControlsClusterCase("deprecated_api_version", ["Ingress \"front\" uses extensions/v1beta1, removed in Kubernetes 1.22; use networking.k8s.io/v1"],
                            "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: front}").check()
        ControlsClusterCase("deprecated_api_version", ["CronJob \"nightly\" uses batch/v1beta1, removed in Kubernetes 1.25; use batch/v1"],
                            "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: nightly}").check()
        ControlsClusterCase("deprecated_api_version", [], "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: front}").check()
    }

    func testConfigMapCredentials() {
        ControlsClusterCase("configmap_sensitive_content", ["ConfigMap \"app\" has a key that looks like a credential: \"DB_PASSWORD\""],
                            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {DB_PASSWORD: hunter2, DB_HOST: db}").check()
        ControlsClusterCase("configmap_sensitive_content", ["ConfigMap \"app\" holds a private key in \"id\""],
                            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {id: \"-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\n-----END RSA PRIVATE KEY-----\"}").check()
        ControlsClusterCase("configmap_sensitive_content", [],
                            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {DB_HOST: db, ca.crt: \"-----BEGIN CERTIFICATE-----\"}").check()
    }

    func testSecrets() {
        ControlsClusterCase("legacy_service_account_token_secret", ["Secret \"ci-token\" is a long-lived token for ServiceAccount \"ci\""],
                            "apiVersion: v1\nkind: Secret\nmetadata: {name: ci-token, annotations: {kubernetes.io/service-account.name: ci}}\ntype: kubernetes.io/service-account-token").check()
        ControlsClusterCase("legacy_service_account_token_secret", [], "apiVersion: v1\nkind: Secret\nmetadata: {name: tls}\ntype: kubernetes.io/tls").check()
        ControlsClusterCase("secret_plaintext_in_manifest", ["Secret \"db\" has the plain-text value \"password\" in stringData"],
                            "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: hunter2}").check()
        ControlsClusterCase("secret_plaintext_in_manifest", [], "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {password: aHVudGVyMg==}").check()
    }

    func testWebhookFailurePolicy() {
        let webhook = """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata: {name: policy}
        webhooks:
        - {name: validate.policy.example.com, failurePolicy: %@}
        """
        ControlsClusterCase("webhook_fails_open", ["webhook \"validate.policy.example.com\" of \"policy\" admits requests when it cannot be reached (failurePolicy: Ignore)"],
                            webhook.replacingOccurrences(of: "%@", with: "Ignore")).check()
        ControlsClusterCase("webhook_fails_open", [], webhook.replacingOccurrences(of: "%@", with: "Fail")).check()
    }
}
