import XCTest
import PalisadeCore

final class ControlsClusterRBACTests: XCTestCase {
    typealias R = ControlsClusterRBAC

    /// Each permission control: a ClusterRole rule that grants it fails, a narrower one passes.
    func testPermissionControlsOnRoles() {
        let cases: [(slug: String, rule: String, what: String, safe: String)] = [
            ("secrets_read", #"{apiGroups: [""], resources: [secrets], verbs: [list]}"#, "allows reading Secrets",
             #"{apiGroups: [""], resources: [configmaps], verbs: [list]}"#),
            ("pod_create", #"{apiGroups: [apps], resources: [deployments], verbs: [create]}"#, "allows creating Pods or pod controllers",
             #"{apiGroups: [apps], resources: [deployments], verbs: [get, list]}"#),
            ("pod_exec_attach", #"{apiGroups: [""], resources: [pods/exec], verbs: [get]}"#, "allows exec or attach into Pods",
             #"{apiGroups: [""], resources: [pods/log], verbs: [get]}"#),
            ("pod_port_forward", #"{apiGroups: [""], resources: ["*/portforward"], verbs: [create]}"#, "allows port-forwarding to Pods",
             #"{apiGroups: [""], resources: [pods], verbs: [get]}"#),
            ("rbac_escalate_bind", #"{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind]}"#,
             "allows the escalate or bind verbs on roles", #"{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [get]}"#),
            ("impersonate", #"{apiGroups: [""], resources: [serviceaccounts], verbs: [impersonate]}"#,
             "allows impersonating users, groups or service accounts", #"{apiGroups: [""], resources: [serviceaccounts], verbs: [get]}"#),
            ("service_account_token_create", #"{apiGroups: [""], resources: [serviceaccounts/token], verbs: [create]}"#,
             "allows creating service account tokens", #"{apiGroups: [""], resources: [serviceaccounts], verbs: [create]}"#),
            ("csr_approval", #"{apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}"#,
             "allows approving certificate signing requests", #"{apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests], verbs: [create]}"#),
            ("nodes_proxy", #"{apiGroups: [""], resources: [nodes/proxy], verbs: [get]}"#, "allows access to nodes/proxy",
             #"{apiGroups: [""], resources: [nodes/metrics], verbs: [get]}"#),
            ("webhook_config_modify", #"{apiGroups: ["*"], resources: [mutatingwebhookconfigurations], verbs: [patch]}"#,
             "allows changing admission webhook configurations", #"{apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], verbs: [list]}"#),
            ("events_delete", #"{apiGroups: [events.k8s.io], resources: [events], verbs: [deletecollection]}"#, "allows deleting events",
             #"{apiGroups: [events.k8s.io], resources: [events], verbs: [create]}"#),
            ("persistent_volume_create", #"{apiGroups: [""], resources: [persistentvolumes], verbs: ["*"]}"#, "allows creating PersistentVolumes",
             #"{apiGroups: [""], resources: [persistentvolumeclaims], verbs: [create]}"#),
            ("rbac_modify", #"{apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [create]}"#, "allows changing roles or role bindings",
             #"{apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [list]}"#),
            ("pod_ephemeral_containers", #"{apiGroups: [""], resources: [pods/ephemeralcontainers], verbs: [patch]}"#,
             "allows adding ephemeral containers to Pods", #"{apiGroups: [""], resources: [pods], verbs: [patch]}"#),
            ("workload_modify", #"{apiGroups: [batch], resources: [cronjobs], verbs: [update]}"#, "allows changing workloads",
             #"{apiGroups: [batch], resources: [cronjobs/status], verbs: [update]}"#),
        ]
        for c in cases {
            let rules = "[{apiGroups: [\"\"], resources: [pods], verbs: [list]}, \(c.rule)]"
            ControlsClusterCase(c.slug, ["ClusterRole \"r\" \(c.what) (rules[1])"], R.clusterRole("r", rules)).check()
            ControlsClusterCase(c.slug, [], R.clusterRole("r", "[\(c.safe)]")).check()
            let binding = R.clusterRoleBinding("b", role: "r", subjects: R.user)
            ControlsClusterCase(c.slug, ["ClusterRoleBinding \"b\" grants ClusterRole \"r\", which \(c.what), to User alice"],
                                R.stream(binding, R.clusterRole("r", rules))).check()
            ControlsClusterCase(c.slug, [], R.stream(binding, R.clusterRole("r", "[\(c.safe)]"))).check()
        }
    }

    func testDefaultAndSystemRolesAndBindingsAreNotReported() {
        let all = #"[{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]"#
        ControlsClusterCase("secrets_read", [], R.clusterRole("admin", all)).check()
        ControlsClusterCase("secrets_read", [], R.clusterRole("system:controller:foo", all)).check()
        ControlsClusterCase("secrets_read", [], R.clusterRole("mine", all, labels: "{kubernetes.io/bootstrapping: rbac-defaults}")).check()
        ControlsClusterCase("secrets_read", [], R.stream(R.clusterRoleBinding("b", role: "r", subjects: R.masters), R.clusterRole("r", all))).check()
        ControlsClusterCase("secrets_read", [], R.stream(R.clusterRoleBinding("system:b", role: "r", subjects: R.user), R.clusterRole("r", all))).check()
        // A user binding to a system: role is still reported.
        ControlsClusterCase("secrets_read", ["ClusterRoleBinding \"b\" grants ClusterRole \"system:r\", which allows reading Secrets, to User alice"],
                            R.stream(R.clusterRoleBinding("b", role: "system:r", subjects: R.user), R.clusterRole("system:r", all))).check()
    }

    func testPlatformNamesAreConfigurable() throws {
        let all = #"[{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]"#
        let yaml = R.clusterRole("corp:admin", all)
        let objects = try ControlsClusterHarness.objects(fromYAML: yaml)
        let config = Value.object(fields: ["rbac_platform_names": .array([.string("corp:admin")])])
        XCTAssertEqual(try ControlsClusterHarness.deny("secrets_read", input: objects[0], objects: objects, config: config), [])
        XCTAssertEqual(try ControlsClusterHarness.deny("secrets_read", input: objects[0], objects: objects).count, 1)
    }

    func testRoleBindingResolvesRoleInItsNamespace() {
        let rules = #"[{apiGroups: [""], resources: [secrets], verbs: [get]}]"#
        let binding = R.roleBinding("rb", "prod", kind: "Role", role: "reader", subjects: R.appAccount)
        ControlsClusterCase("secrets_read", ["RoleBinding \"rb\" grants Role \"reader\", which allows reading Secrets, to ServiceAccount prod/app"],
                            R.stream(binding, R.role("reader", "prod", rules))).check()
        ControlsClusterCase("secrets_read", [], R.stream(binding, R.role("reader", "dev", rules))).check()
    }

    func testNamedSecretsAndIdentitiesAreNotReported() {
        let named = #"[{apiGroups: [""], resources: [secrets], resourceNames: [app-db], verbs: [get]}]"#
        ControlsClusterCase("secrets_read", [], R.clusterRole("r", named)).check()
        ControlsClusterCase("secrets_read", [], R.stream(R.clusterRoleBinding("b", role: "r", subjects: R.user), R.clusterRole("r", named))).check()
        ControlsClusterCase("impersonate", [], R.clusterRole("r", #"[{apiGroups: [""], resources: [users], resourceNames: [bob], verbs: [impersonate]}]"#)).check()
        // Creating Pods cannot be limited by name: resourceNames does not exempt it.
        ControlsClusterCase("pod_create", ["ClusterRole \"r\" allows creating Pods or pod controllers (rules[0])"],
                            R.clusterRole("r", #"[{apiGroups: [""], resources: [pods], resourceNames: [x], verbs: [create]}]"#)).check()
    }

    func testClusterAdminBinding() {
        ControlsClusterCase("cluster_admin_binding", ["ClusterRoleBinding \"ops\" grants ClusterRole \"cluster-admin\", which is the cluster administrator role, to User alice"],
                            R.clusterRoleBinding("ops", role: "cluster-admin", subjects: R.user)).check()
        ControlsClusterCase("cluster_admin_binding", [], R.clusterRoleBinding("cluster-admin", role: "cluster-admin", subjects: R.masters)).check()
        let sevenVerbs = #"[{apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch, create, update, patch, delete]}]"#
        ControlsClusterCase("cluster_admin_binding", ["RoleBinding \"rb\" grants Role \"all\", which allows every verb on every resource, to ServiceAccount prod/app"],
                            R.stream(R.roleBinding("rb", "prod", kind: "Role", role: "all", subjects: R.appAccount), R.role("all", "prod", sevenVerbs))).check()
        ControlsClusterCase("cluster_admin_binding", [],
                            R.stream(R.roleBinding("rb", "prod", kind: "Role", role: "all", subjects: R.appAccount),
                                     R.role("all", "prod", #"[{apiGroups: [""], resources: ["*"], verbs: ["*"]}]"#))).check()
    }

    func testWildcards() {
        let rules = #"[{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]"#
        ControlsClusterCase("wildcard_verbs", ["ClusterRole \"w\" grants every verb with a wildcard (rules[0].verbs)"], R.clusterRole("w", rules)).check()
        ControlsClusterCase("wildcard_resources", ["ClusterRole \"w\" grants every resource with a wildcard (rules[0].resources)"], R.clusterRole("w", rules)).check()
        ControlsClusterCase("wildcard_api_groups", ["ClusterRole \"w\" matches every API group with a wildcard (rules[0].apiGroups)"], R.clusterRole("w", rules)).check()
        ControlsClusterCase("wildcard_verbs", ["ClusterRoleBinding \"b\" grants ClusterRole \"w\", which grants every verb with a wildcard, to User alice"],
                            R.stream(R.clusterRoleBinding("b", role: "w", subjects: R.user), R.clusterRole("w", rules))).check()
        let narrow = #"[{apiGroups: [apps], resources: [deployments], verbs: [get]}]"#
        for slug in ["wildcard_verbs", "wildcard_resources", "wildcard_api_groups"] {
            ControlsClusterCase(slug, [], R.clusterRole("n", narrow)).check()
            ControlsClusterCase(slug, [], R.stream(R.clusterRoleBinding("b", role: "n", subjects: R.user), R.clusterRole("n", narrow))).check()
        }
    }

    func testBroadSubjects() {
        ControlsClusterCase("anonymous_binding", ["ClusterRoleBinding \"open\" grants ClusterRole \"view\" to system:anonymous"],
                            R.clusterRoleBinding("open", role: "view", subjects: "[{kind: User, name: \"system:anonymous\"}]")).check()
        ControlsClusterCase("anonymous_binding", [], R.clusterRoleBinding("system:public-info-viewer", role: "system:public-info-viewer",
                                                                          subjects: "[{kind: Group, name: \"system:unauthenticated\"}]")).check()
        ControlsClusterCase("anonymous_binding", [], R.clusterRoleBinding("b", role: "view", subjects: R.user)).check()
        ControlsClusterCase("all_authenticated_binding", ["RoleBinding \"rb\" grants ClusterRole \"edit\" to the group system:serviceaccounts:prod"],
                            R.roleBinding("rb", "prod", kind: "ClusterRole", role: "edit", subjects: "[{kind: Group, name: \"system:serviceaccounts:prod\"}]")).check()
        ControlsClusterCase("all_authenticated_binding", [], R.clusterRoleBinding("system:discovery", role: "system:discovery",
                                                                                  subjects: "[{kind: Group, name: \"system:authenticated\"}]")).check()
        ControlsClusterCase("all_authenticated_binding", [], R.clusterRoleBinding("b", role: "view", subjects: R.masters)).check()
    }

    func testServiceAccounts() {
        let account = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app, namespace: prod}"
        ControlsClusterCase("service_account_powerful_role", ["ServiceAccount \"app\" is granted ClusterRole \"cluster-admin\" by ClusterRoleBinding \"app-admin\""],
                            R.stream(account, R.clusterRoleBinding("app-admin", role: "cluster-admin", subjects: R.appAccount))).check()
        ControlsClusterCase("service_account_powerful_role", ["ServiceAccount \"app\" is granted Role \"reader\" by RoleBinding \"rb\""],
                            R.stream(account, R.roleBinding("rb", "prod", kind: "Role", role: "reader", subjects: "[{kind: ServiceAccount, name: app}]"),
                                     R.role("reader", "prod", #"[{apiGroups: [""], resources: [secrets], verbs: [list]}]"#))).check()
        ControlsClusterCase("service_account_powerful_role", [],
                            R.stream(account, R.clusterRoleBinding("app-view", role: "view", subjects: R.appAccount),
                                     R.clusterRoleBinding("other", role: "cluster-admin", subjects: "[{kind: ServiceAccount, name: app, namespace: dev}]"))).check()

        ControlsClusterCase("default_service_account_binding", ["RoleBinding \"rb\" grants ClusterRole \"edit\" to the default ServiceAccount of namespace \"prod\""],
                            R.roleBinding("rb", "prod", kind: "ClusterRole", role: "edit", subjects: "[{kind: ServiceAccount, name: default}]")).check()
        ControlsClusterCase("default_service_account_binding", [], R.roleBinding("rb", "prod", kind: "ClusterRole", role: "edit", subjects: R.appAccount)).check()

        ControlsClusterCase("default_service_account_automount", ["default ServiceAccount of namespace \"prod\" does not set automountServiceAccountToken: false"],
                            "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: prod}").check()
        ControlsClusterCase("default_service_account_automount", [],
                            "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: prod}\nautomountServiceAccountToken: false").check()
        ControlsClusterCase("service_account_automount", ["ServiceAccount \"app\" does not set automountServiceAccountToken: false"], account).check()
        ControlsClusterCase("service_account_automount", [], account + "\nautomountServiceAccountToken: false").check()
        ControlsClusterCase("service_account_automount", [], "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: prod}").check()
    }

    func testBindingMissingRole() {
        ControlsClusterCase("binding_missing_role", ["ClusterRoleBinding \"b\" refers to ClusterRole \"gone\", which was not found"],
                            R.clusterRoleBinding("b", role: "gone", subjects: R.user)).check()
        ControlsClusterCase("binding_missing_role", [], R.clusterRoleBinding("b", role: "edit", subjects: R.user)).check()
        ControlsClusterCase("binding_missing_role", [], R.stream(R.clusterRoleBinding("b", role: "mine", subjects: R.user), R.clusterRole("mine", "[]"))).check()
    }

    func testAggregatedRole() {
        let label = "{rbac.authorization.k8s.io/aggregate-to-edit: \"true\"}"
        ControlsClusterCase("aggregated_role_sensitive", ["ClusterRole \"extra\" adds a sensitive rule (rules[0]) to the default role \"edit\""],
                            R.clusterRole("extra", #"[{apiGroups: [""], resources: [secrets], verbs: [get]}]"#, labels: label)).check()
        ControlsClusterCase("aggregated_role_sensitive", [],
                            R.clusterRole("extra", #"[{apiGroups: [example.com], resources: [widgets], verbs: [get, create]}]"#, labels: label)).check()
        ControlsClusterCase("aggregated_role_sensitive", [],
                            R.clusterRole("extra", #"[{apiGroups: [""], resources: [secrets], verbs: [get]}]"#)).check()
    }

    /// Kubernetes' ResourceMatches: `*/exec` matches the exec subresource of any resource, never a
    /// resource itself.
    func testSubresourceWildcardMatchesOnlySubresources() {
        let rule = #"[{apiGroups: [""], resources: ["*/exec"], verbs: [create]}]"#
        ControlsClusterCase("pod_exec_attach", ["ClusterRole \"c\" allows exec or attach into Pods (rules[0])"], R.clusterRole("c", rule)).check()
        ControlsClusterCase("pod_create", [], R.clusterRole("c", rule)).check()
    }

    /// A RoleBinding in another namespace names the ServiceAccount with an explicit namespace; one
    /// without a namespace names the account of the binding's own namespace.
    func testServiceAccountGrantedFromAnotherNamespace() {
        let account = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app, namespace: prod}"
        let reader = R.role("reader", "dev", #"[{apiGroups: [""], resources: [secrets], verbs: [get]}]"#)
        ControlsClusterCase("service_account_powerful_role", ["ServiceAccount \"app\" is granted Role \"reader\" by RoleBinding \"rb\""],
                            R.stream(account, R.roleBinding("rb", "dev", kind: "Role", role: "reader", subjects: R.appAccount), reader)).check()
        ControlsClusterCase("service_account_powerful_role", [],
                            R.stream(account, R.roleBinding("rb", "dev", kind: "Role", role: "reader", subjects: "[{kind: ServiceAccount, name: app}]"),
                                     reader)).check()
    }
}
