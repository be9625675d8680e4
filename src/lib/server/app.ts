import type { Kysely } from 'kysely';
import { demoContent } from '$lib/server/demo/demo-content';
import { seedDemoContent } from '$lib/server/demo/demo-seed';
import { demoArtworkJobHandlers } from '$lib/server/demo/demo-artwork-photos';
import { mediaInLiveContent } from '$lib/server/content/content.queries';
import { mediaInExhibitions } from '$lib/server/exhibitions/exhibition-media';
import { coversOfPublicCalls } from '$lib/server/calls/call-media';
import { photosInSentCampaigns } from '$lib/server/newsletter/campaign-media';
import { createExhibitionsContext, type ExhibitionsContext } from '$lib/server/exhibitions/exhibitions.wiring';
import { artistCredit } from '$lib/server/collective/artist-visibility';
import { pagePicture } from '$lib/server/media/page-picture';
import { findOrganization } from '$lib/server/shared/organization';
import { contentJobHandlers } from '$lib/server/content/revisions.service';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connect';
import { migrateToLatest } from '$lib/server/db/migrate';
import type { Database } from '$lib/server/db/schema';
import { loadConfig, type Config } from '$lib/server/platform/config';
import { createLogger, type Logger } from '$lib/server/platform/logger';
import { loadOrCreateSecrets, type Secrets } from '$lib/server/platform/secrets';
import { PageCache } from '$lib/server/platform/http/page-cache';
import { closeFileChecks, reportFileCheckLimits } from '$lib/server/platform/file-checks/file-checks';
import { createSiteVersionReader } from '$lib/server/platform/site-version';
import { createAuth, type Auth } from '$lib/server/platform/auth';
import { createJobWorker, type JobWorker } from '$lib/server/platform/jobs/job-worker';
import { createMailer } from '$lib/server/platform/mail/mailer';
import { createMailTransport } from '$lib/server/platform/mail/transports';
import type { DomainContext } from '$lib/server/platform/domain-context';
import { createObjectStorage } from '$lib/server/platform/storage/create-storage';
import type { ObjectStorage } from '$lib/server/platform/storage/object-storage';
import { createMediaStorage } from '$lib/server/media/object-media-storage';
import { altTextsOf, mediaJobHandlers } from '$lib/server/media/media.service';
import { imageServiceJobHandlers, scheduleTilesBackfill } from '$lib/server/media/image-service';
import { createMediaContext, type MediaContext } from '$lib/server/media/media.wiring';
import { createPublishedMedia } from '$lib/server/media/published-media';
import { maintenanceJobHandlers, scheduleMaintenance } from '$lib/server/maintenance';
import { sweepMediaLeftovers } from '$lib/server/media/media-leftovers';
import { createApplicationFileStorage } from '$lib/server/calls/application-files';
import { createCallsContext, type CallsContext } from '$lib/server/calls/calls.wiring';
import { applicationDigestJobHandlers, scheduleApplicationDigest } from '$lib/server/calls/staff-notices';
import { portraitsInPublicProfiles } from '$lib/server/collective/artist-directory';
import { createCollectiveContext, type CollectiveContext } from '$lib/server/collective/collective.wiring';
import { createContentContext, type ContentContext } from '$lib/server/content/content.wiring';
import { createDonationsContext, type DonationsContext } from '$lib/server/donations/donations.wiring';
import { eventsJobHandlers, scheduleEventsDue } from '$lib/server/events/event-jobs';
import { createEventsContext, eventRegistrations, type EventsContext } from '$lib/server/events/events.wiring';
import { stripeFor } from '$lib/server/donations/stripe-client';
import { createNewsletterContext, type NewsletterContext } from '$lib/server/newsletter/newsletter.wiring';
import { createPeopleContext, type PeopleContext } from '$lib/server/people/people.wiring';
import { generateRecoveryCodes } from '$lib/server/people/recovery-codes';
import { createCampaignSender } from '$lib/server/newsletter/campaign-sender';
import {
	createBulkComposer,
	createOutboxBulkTransport,
	createSmtpBulkTransport,
	type BulkTransport
} from '$lib/server/platform/mail/bulk-transport';
import { outboxDirectory } from '$lib/server/platform/mail/transports';
import { countJobsByStatus, processExists, releaseJobsOfDeadProcesses } from '$lib/server/platform/jobs/job-queue';
import { metrics } from '$lib/server/platform/observability/metrics';
import { createReadinessCheck, type Readiness } from '$lib/server/platform/observability/readiness';
import { hostname } from 'node:os';
import { subscriberImportJobHandlers } from '$lib/server/newsletter/subscriber-import';
import { appVersion } from '$lib/server/backup/backup.service';
import { backupJobHandlers, scheduleDailyBackup } from '$lib/server/backup/backup-runs';

/**
 * Everything a request handler may need, wired once at start. Each domain's
 * collaborators (its e-mails, storage, clock, the site version) come in one
 * shape, its context: routes hand `app().<domain>` to the domain's commands.
 * `db` is for reading.
 */
export interface App {
	config: Config;
	log: Logger;
	secrets: Secrets;
	database: DatabaseHandle;
	db: Kysely<Database>;
	pageCache: PageCache;
	/** Files every process shares: photos, applicants' files, backups (platform/storage). */
	storage: ObjectStorage;
	/** Whether this process can serve: database, storage, schema (/readyz). */
	readiness: () => Promise<Readiness>;
	siteVersion: ReturnType<typeof createSiteVersionReader>;
	auth: Auth;
	worker: JobWorker;
	/** Newsletter campaigns: SMTP connections of their own, apart from the mailer's. */
	bulkTransport: BulkTransport;
	calls: CallsContext;
	/** The artist collective's profiles, their consent and private links. */
	collective: CollectiveContext;
	content: ContentContext;
	donations: DonationsContext;
	events: EventsContext;
	/** Works, edited directly by their commands, and the public pages of exhibitions (which are content). */
	exhibitions: ExhibitionsContext;
	media: MediaContext;
	newsletter: NewsletterContext;
	people: PeopleContext;
	/** The jobs queue as staff see it (retrying a failed job). */
	jobs: DomainContext;
}

let current: App | undefined;
let maintenanceTimer: ReturnType<typeof setInterval> | undefined;
let eventsTimer: ReturnType<typeof setInterval> | undefined;

/**
 * Reads the configuration, opens and migrates the database, and fills it with
 * demo content when it is empty. Called once, before the server accepts requests.
 */
export async function startApp(
	env: Record<string, string | undefined>,
	options: { startWorker?: boolean } = {}
): Promise<App> {
	const config = loadConfig(env);
	const log = createLogger(config.logLevel);
	const secrets = loadOrCreateSecrets(config.dataDir, env);
	const database = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
	const applied = await migrateToLatest(database.db);
	const seeded = await seedDemoContent(database.db, demoContent, new Date().toISOString(), { photos: config.demoPhotos });
	log.info(
		{ database: database.dialect, location: database.location, migrations: applied, seeded, origin: config.origin },
		'app started'
	);
	// A file refused for breaking a limit is worth a line in the log (without its content).
	reportFileCheckLimits((kind, reason) => log.warn({ kind, reason }, 'untrusted file stopped at a limit'));
	const org = await findOrganization(database.db);
	const siteName = org?.name ?? 'Community arts';
	const mailer = createMailer({
		transport: createMailTransport({ smtpUrl: config.smtpUrl, dataDir: config.dataDir, dkim: config.dkim }),
		from: config.mailFrom ?? `${siteName} <${org?.email ?? 'noreply@localhost'}>`
	});
	const siteVersion = createSiteVersionReader(database.db);
	const storage = createObjectStorage(config);
	const mediaStorage = createMediaStorage(storage, config.dataDir);
	const applicationFiles = createApplicationFileStorage(config.dataDir, storage);
	const bulkTransport = config.smtpUrl
		? createSmtpBulkTransport(config.smtpUrl)
		: createOutboxBulkTransport(outboxDirectory(config.dataDir));
	const campaignSender = createCampaignSender({
		transport: bulkTransport,
		compose: createBulkComposer(config.dkim),
		from: mailer.from,
		origin: config.origin,
		linkSecret: secrets.authSecret,
		siteName: async (db) => (await findOrganization(db))?.name ?? siteName,
		log
	});
	// What every domain shares; each domain's wiring adds its own collaborators.
	const base: DomainContext = { db: database.db, clock: () => new Date(), siteVersion };
	const site = { mailer, origin: config.origin };
	const events = createEventsContext(base, { ...site, linkSecret: secrets.authSecret });
	const worker = createJobWorker(database.db, {
		handlers: {
			...mailer.jobHandlers,
			...mediaJobHandlers(mediaStorage),
			// Tiles for the photos made before photos had an image service.
			...imageServiceJobHandlers(mediaStorage),
			// The demo's photos, rendered after the start; pages already showing them change when each is ready.
			...demoArtworkJobHandlers(mediaStorage, { onReady: () => siteVersion.invalidate() }),
			// Scheduled publishing; this process sees the new site version at once.
			...contentJobHandlers({ onPublished: () => siteVersion.invalidate() }),
			...maintenanceJobHandlers({ applicationFiles, sweepMediaLeftovers: (db, now) => sweepMediaLeftovers(db, mediaStorage, now) }),
			...campaignSender.jobHandlers,
			// Subscriber imports make preferences links, derived from the same secret as every newsletter link.
			...subscriberImportJobHandlers({ linkSecret: secrets.authSecret }),
			// Holds and offers running out, and reminders, every few minutes.
			...eventsJobHandlers(events),
			// The daily backup and staff's "Back up now", into the storage under backups/.
			...backupJobHandlers({ database, storage, secrets, appVersion: appVersion() }),
			// Staff's daily summary of new applications, for those who chose one.
			...applicationDigestJobHandlers(site)
		},
		log
	});
	const auth = createAuth({
		db: database.db,
		dialect: database.dialect,
		secret: secrets.authSecret,
		origin: config.origin,
		secureCookies: config.secureOrigin,
		appName: siteName,
		log,
		generateRecoveryCodes
	});
	current = {
		config,
		log,
		secrets,
		database,
		db: database.db,
		pageCache: new PageCache({ maxEntries: 2000, maxBytes: 64 * 1024 * 1024 }),
		storage,
		readiness: createReadinessCheck({ db: database.db, storage }),
		siteVersion,
		auth,
		worker,
		bulkTransport,
		calls: createCallsContext(base, { ...site, storage: applicationFiles }),
		collective: createCollectiveContext(base, site),
		content: createContentContext(base, { photoAltTexts: (ids) => altTextsOf(database.db, ids), eventRegistrations }),
		donations: createDonationsContext(base, { ...site, stripe: stripeFor(config), log }),
		events,
		exhibitions: createExhibitionsContext(base, { artistCredit, picture: (id, locale, options) => pagePicture(database.db, id, locale, options) }),
		media: createMediaContext(base, {
			storage: mediaStorage,
			// Every domain whose public pages show photos from the library adds its photos here.
			published: createPublishedMedia(database.db, siteVersion, [mediaInLiveContent, mediaInExhibitions, portraitsInPublicProfiles, coversOfPublicCalls, photosInSentCampaigns])
		}),
		newsletter: createNewsletterContext(base, { ...site, linkSecret: secrets.authSecret }),
		people: createPeopleContext(base, { ...site, auth }),
		jobs: base
	};
	// /metrics reports the queue every process shares, as the database holds it when scraped.
	metrics().readJobQueueFrom(() => countJobsByStatus(database.db));
	if (options.startWorker !== false) {
		// A process on this machine that was killed mid-job (a campaign, a photo) is picked up now, not after its lease.
		const released = await releaseJobsOfDeadProcesses(database.db, hostname(), processExists);
		if (released > 0) log.warn({ released }, 'took over jobs left running by a stopped process');
		worker.start();
		// Once per database: the job's key makes every later ask a no-op (and finds nothing once it ran).
		await scheduleTilesBackfill(database.db).catch((err) => log.warn({ err }, 'could not ask for the tiles backfill'));
		// Ask for the daily housekeeping now and every hour; the job runs once a day.
		const ask = () =>
			Promise.all([
				scheduleMaintenance(database.db).catch((err) => log.warn({ err }, 'could not schedule maintenance')),
				scheduleDailyBackup(database.db).catch((err) => log.warn({ err }, 'could not schedule the daily backup')),
				scheduleApplicationDigest(database.db).catch((err) => log.warn({ err }, 'could not schedule the applications digest'))
			]);
		await ask();
		maintenanceTimer = setInterval(ask, 60 * 60_000);
		maintenanceTimer.unref();
		// Registrations' expiries and reminders: asked for every minute, run once per five-minute slot.
		const askEvents = () => scheduleEventsDue(database.db).catch((err) => log.warn({ err }, 'could not schedule the events job'));
		await askEvents();
		eventsTimer = setInterval(askEvents, 60_000);
		eventsTimer.unref();
	}
	return current;
}

export function app(): App {
	if (!current) throw new Error('The app has not been started');
	return current;
}

export async function stopApp(): Promise<void> {
	if (!current) return;
	const { database, log, worker, bulkTransport } = current;
	current = undefined;
	metrics().readJobQueueFrom(undefined);
	clearInterval(maintenanceTimer);
	clearInterval(eventsTimer);
	await worker.stop();
	bulkTransport.close();
	await closeFileChecks();
	await database.close();
	log.info('database closed');
}
