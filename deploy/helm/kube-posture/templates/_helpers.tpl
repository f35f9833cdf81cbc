{{- define "kube-posture.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "kube-posture.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "kube-posture.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kube-posture.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "kube-posture.labels" -}}
{{ include "kube-posture.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{- define "kube-posture.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "kube-posture.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "kube-posture.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{- define "kube-posture.databaseSecret" -}}
{{- if .Values.database.existingSecret }}{{ .Values.database.existingSecret }}{{ else }}{{ include "kube-posture.fullname" . }}-database{{ end }}
{{- end }}

{{- define "kube-posture.useDatabase" -}}
{{- if or .Values.database.existingSecret .Values.database.url }}true{{ end }}
{{- end }}

{{/* Checks that refuse a configuration instead of rendering a weaker one. */}}
{{- define "kube-posture.validate" -}}
{{- if not (has .Values.auth.method (list "token" "proxy" "service-account")) }}
{{- fail "auth.method must be token, proxy or service-account" }}
{{- end }}
{{- if and (gt (int .Values.replicaCount) 1) (not (include "kube-posture.useDatabase" .)) }}
{{- fail "replicaCount > 1 needs PostgreSQL: set database.existingSecret (or database.url); SQLite on an emptyDir is per pod" }}
{{- end }}
{{- if and (eq .Values.auth.method "proxy") (not .Values.auth.proxy.trustedProxies) (not .Values.auth.proxy.secret.existingSecret) }}
{{- fail "auth.method=proxy needs auth.proxy.trustedProxies (CIDRs) or auth.proxy.secret.existingSecret: otherwise anyone could send the identity headers" }}
{{- end }}
{{- end }}
