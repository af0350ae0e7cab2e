#!/bin/bash
# Backup di Traguardo: un archivio «traguardo-backup v1», verificato, con rotazione.
#
#   install -o root -g root -m 0755 deploy/backup.sh /usr/local/sbin/traguardo-backup
#
# Lo avvia traguardo-backup.timer (ogni giorno alle 02:30) come utente traguardo; da cron:
#   30 2 * * *  traguardo  /usr/local/sbin/traguardo-backup
# Passi: traguardo backup in un file temporaneo → traguardo restore --verifica → nome definitivo →
# rotazione (14 giorni + 8 settimane). Esce con un codice diverso da 0 a ogni errore, e in quel caso
# non cancella nessun backup vecchio. Gira a server avviato (istantanea coerente del database).
# Tocca solo i file che si chiamano traguardo-AAAA-MM-GG-HHMM.traguardo-backup: un backup fatto a mano
# con un altro nome (es. prima-aggiornamento.traguardo-backup) resta dov'è.
# Guida: docs/deploy.md, sezione 10.
#
# Variabili (tutte facoltative):
#   TRAGUARDO_ENV_FILE             file di configurazione, letto se DATABASE_URL non è già nell'ambiente
#                                  (predefinito /etc/traguardo/traguardo.env)
#   TRAGUARDO_BIN                  il programma (predefinito /opt/traguardo/bin/traguardo)
#   TRAGUARDO_BACKUP_DIR           cartella dei backup (predefinita /var/backups/traguardo)
#   TRAGUARDO_BACKUP_KEEP_DAILY    giorni da conservare, l'ultimo backup di ciascuno (predefinito 14)
#   TRAGUARDO_BACKUP_KEEP_WEEKLY   settimane da conservare, l'ultimo backup di ciascuna (predefinito 8)
#   TRAGUARDO_BACKUP_TEXTFILE_DIR  cartella del «textfile collector» di prometheus-node-exporter
#                                  (es. /var/lib/prometheus/node-exporter): vi scrive traguardo_backup.prom

set -euo pipefail
export LC_ALL=C
umask 077

ENV_FILE=${TRAGUARDO_ENV_FILE:-/etc/traguardo/traguardo.env}
BIN=${TRAGUARDO_BIN:-/opt/traguardo/bin/traguardo}
DIR=${TRAGUARDO_BACKUP_DIR:-/var/backups/traguardo}
KEEP_DAILY=${TRAGUARDO_BACKUP_KEEP_DAILY:-14}
KEEP_WEEKLY=${TRAGUARDO_BACKUP_KEEP_WEEKLY:-8}
TEXTFILE_DIR=${TRAGUARDO_BACKUP_TEXTFILE_DIR:-}

log() { printf 'traguardo-backup: %s\n' "$*" >&2; }
die() {
    log "ERRORE: $*"
    exit 1
}

[[ $KEEP_DAILY =~ ^[1-9][0-9]*$ ]] || die "TRAGUARDO_BACKUP_KEEP_DAILY deve essere un numero da 1 in su (vale «$KEEP_DAILY»)"
[[ $KEEP_WEEKLY =~ ^[0-9]+$ ]] || die "TRAGUARDO_BACKUP_KEEP_WEEKLY deve essere un numero (vale «$KEEP_WEEKLY»)"

# Da cron l'ambiente è vuoto: la configurazione è quella delle istanze.
if [[ -z ${DATABASE_URL:-} ]]; then
    [[ -r $ENV_FILE ]] || die "DATABASE_URL non impostata e $ENV_FILE non leggibile"
    set -a
    # shellcheck source=/dev/null
    . "$ENV_FILE"
    set +a
fi
[[ -x $BIN ]] || die "$BIN non trovato o non eseguibile"
[[ -d $DIR && -w $DIR ]] || die "la cartella $DIR non esiste o non è scrivibile dall'utente $(id -un)"

# Un solo backup alla volta.
exec 9>"$DIR/.lock"
flock -n 9 || die "un altro backup è in corso (blocco su $DIR/.lock)"

name="traguardo-$(date +%F-%H%M).traguardo-backup"
final="$DIR/$name"
partial="$DIR/.in-corso-$name"
[[ ! -e $final ]] || die "$final esiste già: riprovate tra un minuto"
trap 'rm -f -- "$partial"' EXIT

started=$(date +%s)
log "backup in $final"
"$BIN" backup -o "$partial" || die "traguardo backup non riuscito (codice $?); i backup precedenti sono intatti"
[[ -s $partial ]] || die "traguardo backup ha terminato senza scrivere l'archivio"
chmod 600 "$partial"

# La verifica legge l'archivio (manifesto, checksum, righe) senza scrivere nel database.
if ! "$BIN" restore --verifica "$partial"; then
    mv -f -- "$partial" "$final.non-valido"
    die "l'archivio non supera la verifica: conservato come $final.non-valido per l'analisi; i backup precedenti sono intatti"
fi
mv -- "$partial" "$final"
sync "$final" "$DIR"
trap - EXIT
size=$(stat -c %s "$final")
log "backup verificato: $name, $((size / 1024 / 1024)) MB, $(($(date +%s) - started)) s"

# Rotazione: dal più recente al più vecchio, si tiene l'ultimo backup di ciascuno degli ultimi
# KEEP_DAILY giorni e l'ultimo di ciascuna delle ultime KEEP_WEEKLY settimane (ISO); il resto si cancella.
declare -A days=() weeks=()
kept_days=0
kept_weeks=0
kept=0
removed=0
while IFS= read -r file; do
    day=${file:10:10}
    if ! week=$(date -d "$day" +%G-W%V 2>/dev/null); then
        log "data non valida nel nome, file lasciato: $file"
        continue
    fi
    keep=no
    if [[ -z ${days[$day]:-} ]] && ((kept_days < KEEP_DAILY)); then
        days[$day]=1
        kept_days=$((kept_days + 1))
        keep=yes
    fi
    if [[ -z ${weeks[$week]:-} ]] && ((kept_weeks < KEEP_WEEKLY)); then
        weeks[$week]=1
        kept_weeks=$((kept_weeks + 1))
        keep=yes
    fi
    if [[ $keep == yes ]]; then
        kept=$((kept + 1))
    else
        rm -f -- "${DIR:?}/$file"
        removed=$((removed + 1))
        log "eliminato $file"
    fi
done < <(find "$DIR" -maxdepth 1 -type f \
    -name 'traguardo-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-[0-9][0-9][0-9][0-9].traguardo-backup' \
    -printf '%f\n' | sort -r)
log "rotazione: $kept backup conservati, $removed eliminati"

# Per l'allarme «backup troppo vecchio» (docs/deploy.md, sezione 9). Un errore qui non annulla il backup.
if [[ -n $TEXTFILE_DIR ]]; then
    prom="$TEXTFILE_DIR/traguardo_backup.prom"
    if {
        printf "# HELP traguardo_backup_last_success_timestamp_seconds Fine dell'ultimo backup verificato (secondi Unix).\n"
        printf '# TYPE traguardo_backup_last_success_timestamp_seconds gauge\n'
        printf 'traguardo_backup_last_success_timestamp_seconds %s\n' "$(date +%s)"
        printf "# HELP traguardo_backup_last_size_bytes Dimensione dell'ultimo backup verificato.\n"
        printf '# TYPE traguardo_backup_last_size_bytes gauge\n'
        printf 'traguardo_backup_last_size_bytes %s\n' "$size"
    } >"$prom.$$" && chmod 644 "$prom.$$" && mv -f -- "$prom.$$" "$prom"; then
        :
    else
        rm -f -- "$prom.$$"
        log "avviso: metrica non scritta in $prom"
    fi
fi
