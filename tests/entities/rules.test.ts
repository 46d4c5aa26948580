/**
 * The recognizer's rules for names no list holds, through `recognize`: each block is what a
 * tuning fold's errors taught (tests/entities/folds.ts), written as the general case it stands for.
 */
import { describe, expect, it } from 'vitest';
import { found } from '../support/found';

describe('what fold 3’s errors taught (tuning fold since session 5)', () => {
  it('splits sentences a page glued together, and keeps abbreviations whole', () => {
    const spans = found('says president David Weisbrot.The union met in Britain.That was after a Ph.D. in the U.S. ended.');
    expect(spans.map((s) => s.text)).toEqual(expect.arrayContaining(['David Weisbrot', 'Britain', 'U.S.']));
  });

  it('does not take a bill, an office or a product for a person', () => {
    const text = 'Bill Shorten spoke. The Data Retention Bill passed, and the Bill is law. The Inspector-General of Intelligence and Security will see it. Like that first Retina display, it is new.';
    const people = found(text).filter((s) => s.type === 'PERSON').map((s) => s.text);
    expect(people).toEqual(['Bill Shorten']);
  });

  it('does not read another person’s given name as the first one’s', () => {
    const text = 'The adviser Andrew Shearer attended, and Commissioner Andrew Colvin spoke.';
    expect(found(text).filter((s) => s.type === 'PERSON').map((s) => s.text)).toEqual(['Andrew Shearer', 'Andrew Colvin']);
  });

  it('names institutions by one word, committees "on" something, partners "with" someone', () => {
    const spans = found('It must pass before Parliament rises. The Joint Committee on Intelligence and Security agreed. Apple has partnered with Zeiss to sell inserts.');
    expect(spans).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: 'Parliament', type: 'ORG' }),
        expect.objectContaining({ text: 'Joint Committee on Intelligence and Security', type: 'ORG' }),
        expect.objectContaining({ text: 'Zeiss', type: 'ORG' }),
      ]),
    );
  });

  it('does not read a dimension as years', () => {
    expect(found('A resolution of 1800 x 1920 per eye, made in 2023.').filter((s) => s.type === 'DATE').map((s) => s.text)).toEqual(['2023']);
  });
});

describe('what fold 5’s errors taught (tuning fold since session 5)', () => {
  it('does not read a company as a place for what is sold "to" it; "to" a place needs a word of going', () => {
    const text = 'Yahoo agreed to the sale to Verizon. The fee is payable to Verizon. The cash Verizon is paying. She flew to Karakorum, then drove to Ulaanbaatar.';
    const spans = found(text);
    expect(spans.filter((s) => s.text === 'Verizon' && s.type === 'PLACE')).toEqual([]);
  });

  it('takes an age set off by commas, "says X" and a web address as evidence', () => {
    const spans = found('Seven decades later, Parata, 75, has seen many strandings. “It hurts,” says Parata. Fact-checkers at Snopes.com disagreed.');
    expect(spans).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'Parata', type: 'PERSON' }), expect.objectContaining({ text: 'Snopes.com', type: 'ORG' })]));
  });

  it('reads a day, a month shortened without a period and a year as one date, and the month alone as none', () => {
    const text = 'Posted 22 Dec, 2016 by the desk. He will dec the halls.';
    expect(found(text).filter((s) => s.type === 'DATE').map((s) => s.text)).toEqual(['22 Dec, 2016']);
  });

  it('does not take "First Amendment" for a person, nor run a name into "The" after it', () => {
    const people = found('It is protected by the First Amendment, said Vanessa Hicks The Federal code says otherwise.').filter((s) => s.type === 'PERSON');
    expect(people.map((s) => s.text)).toEqual(['Vanessa Hicks']);
  });

  it('names "Inc" without its period and the armed services as organizations', () => {
    const spans = found('Copyright Business Insider Inc. The Navy said the ship returned.');
    expect(spans).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'Navy', type: 'ORG' })]));
    expect(spans.find((s) => s.text.startsWith('Business Insider'))?.type).toBe('ORG');
  });
});

describe('a surname two people share', () => {
  it('goes to the one named last before it, and is still a person', () => {
    const text = 'John Parata was there. Parata said it hurt. Later his son, Robert Parata, arrived. Parata, 40, agreed.';
    const people = found(text).filter((s) => s.type === 'PERSON');
    expect(people.map((s) => [s.text, s.key])).toEqual([
      ['John Parata', 'John Parata'],
      ['Parata', 'John Parata'],
      ['Robert Parata', 'Robert Parata'],
      ['Parata', 'Robert Parata'],
    ]);
  });
});

describe('names with digits and initials', () => {
  it('reads "3M", "G7" and "7-Eleven" as names when the document types them', () => {
    const text = 'Investors in 3M were upset. The company 3M said so. Leaders of the G7 met. The convenience chain 7-Eleven, a retailer based in Dallas, said sales rose.';
    const spans = found(text);
    expect(spans.filter((s) => s.text === '3M').map((s) => s.type)).toEqual(['ORG', 'ORG']);
    expect(spans.find((s) => s.text === 'G7')?.type).toBe('ORG');
    expect(spans.find((s) => s.text.includes('Eleven'))).toMatchObject({ text: '7-Eleven', type: 'ORG' });
  });

  it('keeps initials with the name after them, and lets a sentence end on "U.S."', () => {
    const text = 'J.P. Morgan said it would hire. He moved to the U.S. The move was big.';
    const spans = found(text);
    expect(spans.some((s) => s.text === 'J.P. Morgan')).toBe(true);
    expect(spans.some((s) => s.text.includes('The move'))).toBe(false);
    expect(spans.find((s) => s.text === 'U.S.')?.type).toBe('PLACE');
  });

  it('does not take numbers with units for names', () => {
    const text = 'The 5G network and 4K screens cost 10GB of data in 2023.';
    expect(found(text).filter((s) => s.type !== 'DATE')).toEqual([]);
  });
});

describe('places by what surrounds them', () => {
  it('takes a point of the compass before or inside a name, and a coast "of" it, as a place’s mark', () => {
    const text = 'He lives in eastern Northland. Earlier this year in South Taranaki, whales stranded on the coast of Kaupokonui again.';
    const places = found(text).filter((s) => s.type === 'PLACE').map((s) => s.text);
    expect(places).toEqual(['Northland', 'South Taranaki', 'Kaupokonui']);
  });
});

describe('what fold 6’s errors taught (tuning fold since session 5)', () => {
  it('weighs a two-word company’s evidence over its "said" ("Whole Foods")', () => {
    const text = 'Amazon bought Whole Foods in 2017. Whole Foods said prices fell. A Whole Foods spokeswoman declined to comment. Whole Foods stores were busy.';
    expect(new Set(found(text).filter((s) => s.text === 'Whole Foods').map((s) => s.type))).toEqual(new Set(['ORG']));
  });

  it('types the others of a list by the one it knows, not a people’s adjective', () => {
    const spans = found('Its rivals are Walmart, Kroger and Costco. American and Canadian buyers came.');
    expect(spans.filter((s) => s.type === 'ORG').map((s) => s.text)).toEqual(['Walmart', 'Kroger', 'Costco']);
    expect(spans.some((s) => s.text === 'Canadian')).toBe(false);
  });

  it('finds people by the nouns around them, and a leader by his administration', () => {
    const text = 'The skipper Wade Bassi spoke. Bassi said so. “It is hard,” said Tasos Georgelis, deputy commissioner for water. Corey Kilgannon is a Metro reporter. In the Carter administration it grew.';
    const people = found(text).filter((s) => s.type === 'PERSON').map((s) => s.text);
    expect(people).toEqual(['Wade Bassi', 'Bassi', 'Tasos Georgelis', 'Corey Kilgannon', 'Carter']);
  });

  it('takes relative months, holidays with a possessive and "Lower Manhattan" whole', () => {
    const spans = found('It happened last July, on Mother’s Day, in Lower Manhattan, in 2023.Credit to them.');
    expect(spans.map((s) => s.text)).toEqual(['last July', 'Mother’s Day', 'Lower Manhattan', '2023']);
  });
});

describe('what fold 7’s errors taught (tuning fold since session 5)', () => {
  it('gives acronyms and codes in capitals no place evidence from "in"', () => {
    const text = 'Games look better in 4K. Play it in VR. Then play in VR again, in 4K.';
    expect(found(text).filter((s) => s.type === 'PLACE')).toEqual([]);
  });

  it('reads two people joined by "and" as two names', () => {
    const text = 'The work of Lorenz and Rothman, who said so, changed it. Rothman said it again.';
    expect(found(text).some((s) => s.text.includes(' and '))).toBe(false);
  });

  it('keeps a particle with the surname, and a possessive out of a listed name', () => {
    const spans = found('Mayor Bill de Blasio spoke. Since de Blasio took office, New York’s Times Square changed.');
    expect(spans.map((s) => s.text)).toEqual(expect.arrayContaining(['Bill de Blasio', 'de Blasio']));
    expect(spans.some((s) => s.text.startsWith('New York’s Times'))).toBe(false);
  });

  it('takes a credit’s name before its agency, and never "I’m" for a name', () => {
    const spans = found('The console is big and loud. Devindra Hardawar/AOL It ships in the fall. I’m not on Facebook, but I’m tracked.');
    expect(spans.find((s) => s.text === 'Devindra Hardawar')?.type).toBe('PERSON');
    expect(spans.some((s) => s.text.startsWith('I'))).toBe(false);
  });
});

describe('what fold 9’s errors taught (tuning fold since session 5)', () => {
  it('counts a weak cue only when enough of a name’s mentions carry it: "in Wasm" among many mentions is no place', () => {
    const sentences = ['Wasm runs fast.', 'The Wasm module loads.', 'We ship Wasm builds.', 'Wasm binaries are small.', 'Code in Wasm is portable.'];
    const text = [...sentences, ...sentences, 'It compiles to Wasm too.'].join(' ');
    expect(found(text).filter((s) => s.text === 'Wasm')).toEqual([]);
    // One mention with its one cue is still read: "in Tamaterau" twice makes a place.
    expect(found('They met in Tamaterau on the coast. Later, in Tamaterau again, the whales came.').find((s) => s.text === 'Tamaterau')?.type).toBe('PLACE');
  });

  it('does not read an acronym’s "-based" as a place, nor start a name on a small word', () => {
    const text = 'It has FPGA-based digital I/O. How do I know? She founded a Seattle-based firm, Seattle-based again.';
    const spans = found(text);
    expect(spans.some((s) => s.text === 'FPGA')).toBe(false);
    expect(spans.some((s) => s.text.startsWith('do '))).toBe(false);
  });

  it('reads a photo collection named "… Images" as an organization', () => {
    const spans = found('The picture was taken for a client. Mike Watson Images/Moodboard/Getty Images');
    expect(spans.find((s) => s.text === 'Mike Watson Images')?.type).toBe('ORG');
  });
});

describe('a given name used alone after the full name', () => {
  it('is the person, unless the name is also a common word', () => {
    const text = 'Eloise Parry, 21, was taken to hospital. As Eloise deteriorated, staff did all they could. Bill Shorten spoke; the Bill passed.';
    const people = found(text).filter((s) => s.type === 'PERSON').map((s) => s.text);
    expect(people).toEqual(['Eloise Parry', 'Eloise', 'Bill Shorten']);
  });
});

describe('what fold 10’s errors taught (tuning fold since session 6)', () => {
  const typed = (text: string) => found(text).map((s) => `${s.type} ${s.text}`);

  it('reads two places joined by a hyphen as two places, and a hyphenated surname as one name', () => {
    const spans = typed('Followers of U.S.-Russia relations watch the India-Pakistan border. Mary Quimby-Vance spoke.');
    expect(spans).toEqual(expect.arrayContaining(['PLACE U.S.', 'PLACE Russia', 'PLACE India', 'PLACE Pakistan', 'PERSON Mary Quimby-Vance']));
  });

  it('ends a sentence at a number’s period, so the date before it is whole', () => {
    expect(typed('The penalty phase is scheduled to begin Jan. 3. The guilt phase took six days.')).toContain('DATE Jan. 3');
  });

  it('reads a state or province abbreviated after a city as two places, but not after a person', () => {
    const spans = typed('A jury in Charleston, S.C., found him guilty. Prices fell in Brampton, Ont., since spring. Thefts near Falkville, Ala., rose. “No,” said Rep. Steny H. Hoyer, Md., the second ranking Democrat.');
    expect(spans).toEqual(
      expect.arrayContaining(['PLACE Charleston', 'PLACE S.C.', 'PLACE Brampton', 'PLACE Ont.', 'PLACE Falkville', 'PLACE Ala.', 'PLACE Md.']),
    );
    expect(spans.filter((s) => s.includes('Near') || s.includes('Hoyer')).filter((s) => s.startsWith('PLACE'))).toEqual([]);
    // Without the comma and the city, "Ill." is only a word.
    expect(typed('He was ill. The doctor came.').filter((s) => s.startsWith('PLACE'))).toEqual([]);
  });

  it('lets a surname used alone speak for the full name it ends', () => {
    const text =
      'A jury found Dylann Roof guilty. As the sentence was read, Roof stood emotionless. Roof has asked to represent himself. Roof said he had no regrets, and Roof told the jury he was sane.';
    const people = found(text).filter((s) => s.type === 'PERSON').map((s) => s.text);
    expect(people).toEqual(['Dylann Roof', 'Roof', 'Roof', 'Roof', 'Roof']);
  });

  it('stops an organization’s name at a person’s title, and reads the person after it', () => {
    const spans = typed('“Nothing,” said American Federation of Government Employees President J. David Cox Sr. on Friday. NTEU President Tony Reardon agreed.');
    expect(spans).toEqual(expect.arrayContaining(['ORG American Federation of Government Employees', 'PERSON J. David Cox Sr.', 'PERSON Tony Reardon']));
  });

  it('does not join over “and” what the lists or a company’s suffix keep apart, and joins over “&”', () => {
    const spans = typed('He met Li Keqiang and National People’s Congress leaders. The work went to Gensler and Clark Construction Group. Procter & Gamble Co. rose. The World Travel and Tourism Council met.');
    expect(spans).toEqual(
      expect.arrayContaining([
        'PERSON Li Keqiang',
        'ORG National People’s Congress',
        'ORG Clark Construction Group',
        'ORG Procter & Gamble Co.',
        'ORG World Travel and Tourism Council',
      ]),
    );
    expect(spans.filter((s) => s.includes(' and ') && !s.includes('Tourism'))).toEqual([]);
  });

  it('gives the type of an enumeration’s typed names to its other names', () => {
    const spans = typed('Stolen cards were used in Athens, Clanton, Falkville, Huntsville and Prattville. We met Smith, Jones and Brown.');
    expect(spans).toEqual(expect.arrayContaining(['PLACE Falkville', 'PLACE Huntsville']));
    // Nothing typed in it: nothing to give.
    expect(spans.filter((s) => /Smith|Jones|Brown/.test(s))).toEqual([]);
  });

  it('marks every mention inside a sentence of a word a rule typed once', () => {
    const spans = typed('Realtors in Brampton, Ont., are worried. Prices have declined in Brampton since the spring.');
    expect(spans.filter((s) => s === 'PLACE Brampton')).toHaveLength(2);
  });

  it('splits sentences glued before initials', () => {
    expect(typed('The forecast was 2.0 percent.U.S. bond yields rose. She has a Ph.D. from Yale.')).toContain('PLACE U.S.');
  });

  it('reads a full name followed by the organization it works for as a person', () => {
    expect(typed('As the verdict was read, reported Alexandra Olgin of South Carolina Public Radio, the room was silent.')).toContain('PERSON Alexandra Olgin');
  });
});

describe('what folds 11 and 12’s errors taught (tuning folds since session 6)', () => {
  const typed = (text: string) => found(text).map((s) => `${s.type} ${s.text}`);

  it('reads the organization after a person and their role as an organization', () => {
    const spans = typed('“I take the train,” said Jay Pelham, president, TotalBank. “I drive,” said Donna Abood, principal and managing director, Avison Young.');
    expect(spans).toEqual(expect.arrayContaining(['ORG TotalBank', 'ORG Avison Young']));
    // A person's noun before a name set off by commas still reads as a person.
    expect(typed('The priest, Fidelis Mukonori, said so.')).toContain('PERSON Fidelis Mukonori');
  });

  it('reads a name set off after a company’s noun as a company', () => {
    expect(typed('The wait was too much for the satellite firm, Quorvex, which went elsewhere.')).toContain('ORG Quorvex');
  });

  it('reads “the House” inside a sentence as the chamber, not “House prices” opening one', () => {
    const spans = typed('The House voted on Monday. House prices rose. He bought a house.');
    expect(spans.filter((s) => s.endsWith('House') || s.endsWith('house'))).toEqual(['ORG House']);
  });

  it('reads a lawmaker’s state after the party, a basin, and a police officer’s title', () => {
    const spans = typed('Speaker Paul D. Ryan (R-Wis.) agreed. Coal from the Powder River Basin fell. Police Officer Blake Snyder died.');
    expect(spans).toEqual(expect.arrayContaining(['PLACE Wis.', 'PLACE Powder River Basin', 'PERSON Blake Snyder']));
  });

  it('reads a postal code after a city as a state, but not a doctor’s letters or a line of capitals', () => {
    const spans = typed('Nov. 5 – Chicago, IL @ Metro. Nov. 6 – Austin, TX. Dr. Jane Roe, MD, spoke. WASHINGTON, IN THE CAPITAL.');
    expect(spans).toEqual(expect.arrayContaining(['PLACE Chicago', 'PLACE IL', 'PLACE Austin', 'PLACE TX']));
    expect(spans.filter((s) => s.endsWith(' MD') || s.endsWith(' IN') || s.includes('Roe')).filter((s) => s.startsWith('PLACE'))).toEqual([]);
  });

  it('reads what only a person has as a person’s: vocals, novels, a legacy', () => {
    expect(typed('The album is spare. Norrvide’s vocals are front and center, and Norrvide’s lyrics are grim.')).toContain('PERSON Norrvide');
  });
});

describe('what folds 13 to 15’s errors taught (tuning folds since session 7)', () => {
  const typed = (text: string) => found(text).map((s) => `${s.type} ${s.text}`);

  it('reads venues as places, and record labels, production companies and bands as organizations', () => {
    const spans = typed('They play the Shoreline Amphitheatre, then Ryman Auditorium and Mohegan Sun Arena. Big Machine Records and Dick Clark Productions settled. The Doobie Brothers toured.');
    expect(spans).toEqual(
      expect.arrayContaining(['PLACE Shoreline Amphitheatre', 'PLACE Ryman Auditorium', 'PLACE Mohegan Sun Arena', 'ORG Big Machine Records', 'ORG Dick Clark Productions', 'ORG Doobie Brothers']),
    );
  });

  it('keeps an unspaced ampersand between capitals inside the word, and a name’s own possessive in the name', () => {
    const spans = typed('PG&E cut power and AT&T lost service. Michael McDonald sang; McDonald said so. He ate at McDonald’s.');
    expect(spans).toEqual(expect.arrayContaining(['ORG PG&E', 'ORG AT&T', 'PERSON Michael McDonald', 'PERSON McDonald', 'ORG McDonald']));
    // Only the possessive form is the company.
    expect(spans.filter((s) => s === 'ORG McDonald')).toHaveLength(1);
  });

  it('reads a postal code before a venue in capitals, and prefers the state to a listed acronym', () => {
    const spans = typed('June 29 – Holmdel, NJ @ PNC Bank Arts Center June 24 – Bristow, VA @ Jiffy Lube Live');
    expect(spans).toEqual(expect.arrayContaining(['PLACE Holmdel', 'PLACE NJ', 'PLACE Bristow', 'PLACE VA']));
    expect(spans).not.toContain('ORG VA');
  });

  it('ends a list of names at its “and”, and keeps a legal form after a comma', () => {
    const spans = typed('NASA chose SpaceX, Blue Origin, Ceres Robotics and Tyvak Nano-Satellite Systems, Inc. to build landers.');
    expect(spans).toContain('ORG Tyvak Nano-Satellite Systems, Inc.');
    expect(spans.some((s) => s.includes('Robotics and'))).toBe(false);
  });

  it('does not join a listed name to another over “for”, and leaves “Former” out of a name', () => {
    const spans = typed('(Photo by Getty Images for Ithaca Holdings) Former National Security Council official Fiona Hill testified.');
    expect(spans).toEqual(expect.arrayContaining(['ORG Getty Images', 'ORG National Security Council']));
    expect(spans.some((s) => s.includes(' for ') || s.includes('Former'))).toBe(false);
  });
});

describe('what fold 16’s errors taught (tuning fold since session 7)', () => {
  const typed = (text: string) => found(text).map((s) => `${s.type} ${s.text}`);

  it('reads a player after their position, and a person after an abbreviation in capitals', () => {
    const spans = typed('He shoved Pittsburgh quarterback Mason Rudolph, and running back Trey Edmunds watched. Cleveland DL Larry Ogunjobi was fined. Rudolph said nothing.');
    expect(spans).toEqual(expect.arrayContaining(['PERSON Mason Rudolph', 'PERSON Trey Edmunds', 'PERSON Larry Ogunjobi', 'PERSON Rudolph']));
  });

  it('reads a full name set off before a role with a word ahead of its noun as a person', () => {
    const spans = typed('“I never saw this,” said Aseem Prakash, founding director of the center. Prakash said the state could act.');
    expect(spans).toEqual(expect.arrayContaining(['PERSON Aseem Prakash', 'PERSON Prakash']));
  });

  it('keeps a lower-case particle joined to a listed place', () => {
    expect(typed('The base at al-Tanf sits near the border.')).toContain('PLACE al-Tanf');
  });

  it('stops an institution’s name at “Speaker”', () => {
    const spans = typed('The House of Representatives Speaker Femi Gbajabiamila spoke.');
    expect(spans).toContain('ORG House of Representatives');
  });
});

describe('titles of listed people (tuning folds 13 to 16)', () => {
  it('leaves a listed person’s title out of the name, and knows the name alone after it', () => {
    const spans = found('Prince Andrew stayed there. The photo was denied by Andrew, and Andrew’s account changed.');
    expect(spans.filter((s) => s.type === 'PERSON').map((s) => [s.text, s.key])).toEqual([
      ['Andrew', 'Prince Andrew'],
      ['Andrew', 'Prince Andrew'],
      ['Andrew', 'Prince Andrew'],
    ]);
  });
});

describe('dates the tuning folds 13 to 16 missed', () => {
  const dates = (text: string) => found(text).filter((s) => s.type === 'DATE').map((s) => s.text);

  it('reads a weekday with the date after it as one date, and a weekday placed by “last”', () => {
    expect(dates('On Wednesday, November 20, 2019, and Thursday Dec. 1, it rained. He left last Friday. On Friday, May said no.')).toEqual([
      'Wednesday, November 20, 2019',
      'Thursday Dec. 1',
      'last Friday',
      'Friday',
    ]);
  });

  it('reads shopping and civic days, with their year', () => {
    expect(dates('Deals start on Black Friday 2019 and end on Cyber Monday, after Election Day.')).toEqual(['Black Friday 2019', 'Cyber Monday', 'Election Day']);
  });
});

describe('teams and employers named before a person’s role (tuning folds 13 to 16)', () => {
  it('reads a name before a role and a person’s name as the organization they play or work for', () => {
    const spans = found('Before the game, Wild coach Bruce Boudreau spoke, and the Wild beat the Sabres. Earlier, Sabres center Casey Mittelstadt fell. Democratic strategist James Carville watched.');
    const typed = spans.map((s) => `${s.type} ${s.text}`);
    expect(typed.filter((s) => s === 'ORG Wild')).toHaveLength(2);
    expect(typed.filter((s) => s === 'ORG Sabres')).toHaveLength(2);
    expect(typed).not.toContain('ORG Democratic');
  });
});

describe('headlines in title case', () => {
  it('does not join the names on either side of a headline’s verb into one', () => {
    const spans = found('Kim Jong Un Visits Songchon County Again\nPremier Pak Pong Ju Inspects Kimhwa County Farm').map((s) => `${s.type} ${s.text}`);
    expect(spans).toEqual(expect.arrayContaining(['PERSON Kim Jong Un', 'PLACE Songchon County', 'PERSON Pak Pong Ju']));
    expect(spans.some((s) => s.includes('Visits') || s.includes('Inspects'))).toBe(false);
  });
});
