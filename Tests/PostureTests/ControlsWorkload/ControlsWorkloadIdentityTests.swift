import XCTest

/// Service accounts and secrets.
final class ControlsWorkloadIdentityTests: XCTestCase {
    func testAutomountServiceAccountTokenByDefault() throws {
        try workloadDenies("automount_service_account_token", """
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  serviceAccountName: web
                  containers: [{name: a, image: nginx}]
            ---
            kind: ServiceAccount
            apiVersion: v1
            metadata: {name: web, namespace: shop}
            """, [("spec.template.spec.automountServiceAccountToken", "service account \"web\"")])
        try workloadDenies("automount_service_account_token", """
            kind: Pod
            metadata: {name: web}
            spec:
              automountServiceAccountToken: true
              containers: [{name: a, image: nginx}]
            ---
            kind: ServiceAccount
            apiVersion: v1
            metadata: {name: default}
            automountServiceAccountToken: false
            """, [("spec.automountServiceAccountToken", "pod sets automountServiceAccountToken: true")])
    }

    func testAutomountDisabledOnPodOrServiceAccount() throws {
        try workloadPasses("automount_service_account_token", """
            kind: Pod
            metadata: {name: web}
            spec:
              automountServiceAccountToken: false
              containers: [{name: a, image: nginx}]
            """)
        try workloadPasses("automount_service_account_token", """
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  serviceAccountName: web
                  containers: [{name: a, image: nginx}]
            ---
            kind: ServiceAccount
            apiVersion: v1
            metadata: {name: web, namespace: shop}
            automountServiceAccountToken: false
            """)
        // The same ServiceAccount name in another namespace does not count.
        try workloadDenies("automount_service_account_token", """
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  serviceAccountName: web
                  containers: [{name: a, image: nginx}]
            ---
            kind: ServiceAccount
            apiVersion: v1
            metadata: {name: web, namespace: other}
            automountServiceAccountToken: false
            """, [("spec.template.spec.automountServiceAccountToken", "service account \"web\"")])
    }

    func testDefaultServiceAccount() throws {
        try workloadDenies("default_service_account", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers: [{name: a, image: nginx}]
            """, [("spec.serviceAccountName", "default service account")])
        try workloadDenies("default_service_account", """
            kind: Pod
            metadata: {name: web}
            spec:
              serviceAccountName: default
              containers: [{name: a, image: nginx}]
            """, [("spec.serviceAccountName", "default service account")])
        try workloadPasses("default_service_account", """
            kind: Pod
            metadata: {name: web}
            spec:
              serviceAccountName: web
              containers: [{name: a, image: nginx}]
            """)
    }

    func testSecretInEnvVar() throws {
        try workloadDenies("secret_in_env_var", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: a
                image: nginx
                env:
                - {name: MODE, value: prod}
                - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
                - {name: LEVEL, valueFrom: {configMapKeyRef: {name: cfg, key: level}}}
                envFrom: [{configMapRef: {name: cfg}}, {secretRef: {name: api}}]
            """, [
                ("spec.containers[0].env[1].valueFrom.secretKeyRef", "reads Secret db into environment variable DB_PASSWORD"),
                ("spec.containers[0].envFrom[1].secretRef", "loads every key of Secret api"),
            ])
        try workloadPasses("secret_in_env_var", """
            kind: Pod
            metadata: {name: web}
            spec:
              volumes: [{name: db, secret: {secretName: db}}]
              containers:
              - {name: a, image: nginx, volumeMounts: [{name: db, mountPath: /secrets, readOnly: true}], env: [{name: MODE, value: prod}]}
            """)
    }

    func testHardcodedSecretInEnv() throws {
        try workloadDenies("hardcoded_secret_in_env", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: a
                image: nginx
                env:
                - {name: DB_PASSWORD, value: hunter2}
                - {name: api_key, value: abc}
                - {name: CERT, value: "-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\n-----END RSA PRIVATE KEY-----"}
                - {name: DB_PASSWORD_FILE, value: /run/secrets/db}
                - {name: TOKEN, value: "$(OTHER_TOKEN)"}
                - {name: SECRET, value: ""}
                - {name: GITHUB_TOKEN, valueFrom: {secretKeyRef: {name: gh, key: token}}}
            """, [
                ("spec.containers[0].env[0].value", "DB_PASSWORD to a literal credential"),
                ("spec.containers[0].env[1].value", "api_key"),
                ("spec.containers[0].env[2].value", "CERT"),
            ])
        try workloadPasses("hardcoded_secret_in_env", """
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - {name: a, image: nginx, env: [{name: GREETING, value: hello}, {name: TOKEN_URL, value: "https://auth.example.com/token"}]}
            """)
    }

    func testSensitiveConfigMapContent() throws {
        try workloadDenies("sensitive_configmap_content", """
            kind: ConfigMap
            metadata: {name: cfg}
            data:
              mode: prod
              db.password: hunter2
              tls.key: "-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----"
              SECRET_NAME: db-credentials
            """, [
                ("data.db.password", "ConfigMap key db.password looks like a credential"),
                ("data.tls.key", "ConfigMap key tls.key holds a private key"),
            ])
        try workloadPasses("sensitive_configmap_content", """
            kind: ConfigMap
            metadata: {name: cfg}
            data: {mode: prod, log_level: debug, password_file: /run/secrets/db}
            """)
    }
}
