#!/usr/bin/env python3
"""Generates the small .xlsx fixtures for the XLSX reader tests (XLSXReaderTests.swift).

Run from anywhere: python3 Tests/Fixtures/xlsx/make-fixtures.py
Every file is deterministic (fixed zip timestamps) and small (< 300 KB).
"""
import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2022, 1, 1, 0, 0, 0)
MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
RELNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
WS_TYPE = RELNS + '/worksheet'
SST_TYPE = RELNS + '/sharedStrings'

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="' + RELNS + '/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')


def write_zip(name, entries, level=6):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, 'w') as z:
        for entry_name, data in entries:
            info = zipfile.ZipInfo(entry_name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            if isinstance(data, str):
                data = data.encode('utf-8')
            z.writestr(info, data, compresslevel=level)
    return path


def workbook(name, sheets, shared_strings=None, absolute_targets=(), extra=()):
    """sheets: list of (sheet name, sheet xml, state or None)."""
    sheet_elems = []
    rels = []
    entries = []
    for i, (sheet_name, xml, state) in enumerate(sheets, start=1):
        attrs = 'name="%s" sheetId="%d"' % (sheet_name.replace('&', '&amp;'), i)
        if state:
            attrs += ' state="%s"' % state
        sheet_elems.append('<sheet %s r:id="rId%d"/>' % (attrs, i))
        target = 'worksheets/sheet%d.xml' % i
        if sheet_name in absolute_targets:
            target = '/xl/' + target
        rels.append('<Relationship Id="rId%d" Type="%s" Target="%s"/>' % (i, WS_TYPE, target))
        entries.append(('xl/worksheets/sheet%d.xml' % i, xml))
    if shared_strings is not None:
        rels.append('<Relationship Id="rId99" Type="%s" Target="sharedStrings.xml"/>' % SST_TYPE)
        entries.append(('xl/sharedStrings.xml', shared_strings))
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets></workbook>' % (MAIN, RELNS, ''.join(sheet_elems)))
    rels_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
                % ''.join(rels))
    return write_zip(name, [('[Content_Types].xml', CONTENT_TYPES), ('_rels/.rels', ROOT_RELS),
                            ('xl/workbook.xml', wb), ('xl/_rels/workbook.xml.rels', rels_xml)] + entries + list(extra))


def sheet(body, dimension='A1', prefix=''):
    p = prefix + ':' if prefix else ''
    ns = ('xmlns:%s="%s"' % (prefix, MAIN)) if prefix else ('xmlns="%s"' % MAIN)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<{p}worksheet {ns} xmlns:r="{r}"><{p}dimension ref="{d}"/><{p}sheetData>{b}</{p}sheetData>'
            '<{p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
            '</{p}worksheet>').format(p=p, ns=ns, r=RELNS, d=dimension, b=body)


# --- types.xlsx: every value type, sparse rows, cells without r, prefixes, quotes, entities ---------
SST = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<sst xmlns="%s" count="7" uniqueCount="7">'
       '<si><t>Plain</t></si>'                                                       # 0
       '<si><r><t xml:space="preserve">Rich </t></r><r><rPr><b/><sz val="10"/></rPr><t>text</t></r>'
       '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh><phoneticPr fontId="1"/></si>'       # 1
       '<si><t>0123</t></si>'                                                        # 2 number stored as text
       '<si><t>A &amp; B &lt;C&gt; &quot;q&quot; &apos;s&apos; &#10;&#x263A; &unknown; &#xD800;</t></si>'  # 3
       '<si><t xml:space="preserve">Line1\r\nLine2_x000D_</t></si>'                  # 4
       '<si><t/></si>'                                                               # 5 empty
       '<si><t>716-00001</t></si>'                                                   # 6
       '</sst>' % MAIN)

TYPES_BODY = (
    '<row r="1" spans="1:10">'
    '<c r="A1" t="s"><v>0</v></c>'
    '<c r="B1" t="s"><v>1</v></c>'
    '<c r="C1"><v>42</v></c>'
    '<c r="D1" t="b"><v>1</v></c>'
    '<c r="E1" t="e"><v>#DIV/0!</v></c>'
    '<c r="F1" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c>'
    '<c r="G1"><v/></c>'
    '<c r="H1" t="s"><v>2</v></c>'
    '<c r="I1" t="n"><f t="shared" ref="I1:I2" si="0"/><v>1.5E-3</v></c>'
    '<c r="J1" s="3"/>'
    '</row>'
    # a row without r (→ 2) whose cells have no r either (→ A, B), then E2, then one more (→ F)
    '<row><c><v>1</v></c><c t="s"><v>3</v></c><c r="E2" t="inlineStr"><is><t>inline</t></is></c>'
    '<c t="inlineStr"><is><r><t>rich </t></r><r><rPr><i/></rPr><t>inline</t></r><rPh><t>x</t></rPh></is></c></row>'
    # sparse: rows 3-4 missing, far column
    '<row r="5"><c r="AA5"><v>5</v></c><c r="XFD5"><v>last</v></c></row>'
    # attributes in any order, single quotes, whitespace, a comment
    "<row r='7' ht=\"15\"  ><c  t = 'b'   r='C7' ><v>0</v></c><!-- a comment --><c s='1' r='D7'><v> 7 </v></c>"
    '<c r="E7" t="s"><v>4</v></c><c r="F7" t="s"><v>5</v></c><c r="G7" t="str"><v></v></c></row>'
    '<row r="8" customHeight="1"/>'
    '<row r="9"><c r="A9" t="inlineStr"><is><t><![CDATA[<cdata> & text]]></t></is></c>'
    '<c r="B9" t="d"><v>2022-03-31T00:00:00</v></c><c r="C9" t="s"><v>6</v></c></row>'
)

PREFIXED_BODY = (
    '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c>'
    '<x:c r="C1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>'
)

workbook('types.xlsx',
         [('Data', sheet(TYPES_BODY, 'A1:XFD9'), None),
          ('Prefixed', sheet(PREFIXED_BODY, 'A1:C1', prefix='x'), None),
          ('Hidden & Co', sheet('<row r="1"><c r="A1"><v>1</v></c></row>'), 'hidden'),
          ('Empty', sheet(''), None)],
         shared_strings=SST, absolute_targets=('Prefixed',))

# --- hostile-sheets.xlsx: sheets that must be refused with a FileError ---------------------------
BOMB_DTD = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
            + ''.join('<!ENTITY lol%d "%s">' % (i, ('&lol%d;' % (i - 1) if i > 1 else '&lol;') * 10) for i in range(1, 10))
            + ']>\n')
DOCTYPE_SHEET = BOMB_DTD + ('<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c>'
                            '</row></sheetData></worksheet>' % MAIN)
workbook('hostile-sheets.xlsx',
         [('Good', sheet('<row r="1"><c r="A1"><v>1</v></c></row>'), None),
          ('Doctype', DOCTYPE_SHEET, None),
          ('Huge dimension', sheet('<row r="1"><c r="A1"><v>1</v></c></row>', 'A1:XFE2000000'), None),
          ('Column beyond XFD', sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'), None),
          ('Row beyond limit', sheet('<row r="1048577"><c r="A1048577"><v>1</v></c></row>'), None),
          ('Unterminated', '<?xml version="1.0"?>\n<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
           '<row r="2"><c r="B2"><v>2</v></c></row><row r="3"><c r="A3" t="s' % MAIN, None),
          ('Bad shared index', sheet('<row r="4"><c r="C4" t="s"><v>99</v></c></row>'), None),
          ('Truncated sheetData', '<?xml version="1.0"?>\n<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>' % MAIN, None),
          ('Nested rows', sheet('<row r="1"><c r="A1"><v>1</v></c><row r="2"></row></row>'), None),
          ('Bad cell ref', sheet('<row r="1"><c r="1A"><v>1</v></c></row>'), None)],
         shared_strings='<sst xmlns="%s"><si><t>only</t></si></sst>' % MAIN)

# --- doctype-in-shared-strings.xlsx: refused at open -------------------------------------------
workbook('doctype-in-shared-strings.xlsx', [('Data', sheet(''), None)],
         shared_strings=BOMB_DTD + '<sst xmlns="%s"><si><t>&lol9;</t></si></sst>' % MAIN)

# --- zip-bomb.xlsx: a 200 MB sheet of zeros, ~200 KB compressed (ratio ~1030:1) ----------------
bomb = b'\0' * (200 * 1024 * 1024)
workbook('zip-bomb.xlsx', [('Data', bomb, None)], shared_strings=None)
del bomb

# --- lying-size.xlsx: the sheet's headers declare fewer bytes than it inflates to --------------
path = workbook('lying-size.xlsx', [('Data', sheet('<row r="1"><c r="A1"><v>1</v></c></row>' * 200), None)])
data = bytearray(open(path, 'rb').read())
needle = b'xl/worksheets/sheet1.xml'
pos = 0
while True:
    pos = data.find(needle, pos)
    if pos < 0:
        break
    sig_local = data.rfind(b'PK\x03\x04', 0, pos)
    sig_central = data.rfind(b'PK\x01\x02', 0, pos)
    if sig_central >= 0 and pos - sig_central == 46:
        struct.pack_into('<I', data, sig_central + 24, 100)   # central directory: uncompressed size
    elif sig_local >= 0 and pos - sig_local == 30:
        struct.pack_into('<I', data, sig_local + 22, 100)     # local header: uncompressed size
    pos += 1
open(path, 'wb').write(bytes(data))

# --- endless-stream.xlsx: a deflate stream that never ends (hangs ZIPFoundation 0.9.20) --------
path = workbook('endless-stream.xlsx', [('Data', sheet(''), None)])
data = bytearray(open(path, 'rb').read())
pos = data.find(b'xl/worksheets/sheet1.xml')
local = data.rfind(b'PK\x03\x04', 0, pos)
n, m = struct.unpack_from('<HH', data, local + 26)
start = local + 30 + n + m
data[start:start + 5] = bytes([0x00]) + struct.pack('<HH', 0xFFFF, 0x0000)  # stored block, LEN 65535
open(path, 'wb').write(bytes(data))

# --- bad-checksum.xlsx: one byte of a stored sheet changed ---------------------------------------
path = os.path.join(HERE, 'bad-checksum.xlsx')
workbook('bad-checksum.xlsx', [('Data', sheet('<row r="1"><c r="A1"><v>1</v></c></row>'), None)])
with zipfile.ZipFile(path) as z:
    items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
with zipfile.ZipFile(path, 'w') as z:
    for entry_name, content in items:
        info = zipfile.ZipInfo(entry_name, STAMP)
        info.compress_type = zipfile.ZIP_STORED
        z.writestr(info, content)
data = bytearray(open(path, 'rb').read())
pos = data.find(b'<v>1</v>')
data[pos + 3] = ord('7')
open(path, 'wb').write(bytes(data))

# --- not-a-workbook.xlsx: a zip without xl/workbook.xml ------------------------------------------
write_zip('not-a-workbook.xlsx', [('hello.txt', 'hello')])

# --- text-renamed.xlsx: a CSV file with an .xlsx name --------------------------------------------
with open(os.path.join(HERE, 'text-renamed.xlsx'), 'w', newline='') as f:
    f.write('LaCode,SerialNo\r\n716,716-00001\r\n')


# --- encrypted.xlsx / legacy.xls: OLE2 compound files (fake, but with the real magic) -------------
def ole2(stream_names):
    out = bytearray(b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + b'\0' * 504)   # header sector
    directory = bytearray()
    for name in ['Root Entry'] + stream_names:
        encoded = (name + '\0').encode('utf-16-le')
        entry = encoded + b'\0' * (64 - len(encoded)) + struct.pack('<H', len(encoded)) + b'\0' * 62
        directory += entry
    out += directory + b'\0' * (512 - len(directory) % 512)
    return bytes(out)


open(os.path.join(HERE, 'encrypted.xlsx'), 'wb').write(
    ole2(['\x06DataSpaces', 'EncryptionInfo', 'EncryptedPackage']))
open(os.path.join(HERE, 'legacy.xls'), 'wb').write(ole2(['Workbook', '\x05SummaryInformation']))

for f in sorted(os.listdir(HERE)):
    print('%-36s %8d bytes' % (f, os.path.getsize(os.path.join(HERE, f))))
