import { describe, expect, it } from 'vitest';
import { openJournal } from '../../../src/main/journal/journal';
import { createSentSnFilterSource } from '../../../src/main/journal/sentSnFilterSource';
import { SnFilter } from '../../../src/shared/snFilter';
import { tempFolder } from './helpers';
import {
  acceptedOutcome as ok,
  journalSubmission as submit,
  outerOutBody,
  refusedOutcome as refused,
  uploadSnBody,
} from './samples';

describe('the sent-SN filter main builds for scan views', () => {
  it('gives scan views a filter that holds every sent SN, and the new ones after each submission', async () => {
    const folder = await tempFolder();
    const { journal } = await openJournal({ folder });
    const filterFor = createSentSnFilterSource();
    const holds = (sn: string) => SnFilter.from(filterFor(journal))?.mayHold(sn) ?? true;
    const fresh = Array.from({ length: 500 }, (_, i) => `NEVER-${i}`);

    await submit(journal, 'CK001', ok, uploadSnBody('CK001', 'SPEC', ['SN-A1', 'SN-A2']));
    await submit(journal, 'OUT-10', refused, outerOutBody('OUT-10', 'S', ['SN-C1']));
    expect(holds('SN-A1') && holds('SN-A2')).toBe(true);
    // A refused submission sent nothing; SNs never sent mostly need no lookup at all.
    expect(holds('SN-C1')).toBe(false);
    expect(fresh.filter(holds).length).toBeLessThan(15);

    // Added to after each submission, and rebuilt with more room once the journal outgrows it.
    const many = Array.from({ length: 3000 }, (_, i) => `SN-M${i}`);
    const inFlight = await submit(journal, 'OUT-12', undefined, outerOutBody('OUT-12', 'S', many));
    expect(holds('SN-M0')).toBe(false);
    await journal.recordResult(inFlight, ok, 10);
    expect(many.every(holds)).toBe(true);
    expect(SnFilter.from(filterFor(journal))?.count).toBe(3002);
    expect(fresh.filter(holds).length).toBeLessThan(15);
    await journal.close();
  });
});
